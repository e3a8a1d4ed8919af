package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DROP INDEX without CONCURRENTLY. The statement names only the index: its table comes from the CREATE INDEX earlier
 * in the review or from the database facts. An index the review built on a table it created is exempt; one it built
 * on an existing table is not, since the drop still locks that table.
 */
@RuleInfo(id = "drop-index-non-concurrent", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.MEDIUM,
    summary = "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table, queueing every query behind it")
public final class DropIndexNonConcurrentRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.DROP_INDEX || s.classified().has(Flag.CONCURRENTLY)) return;
    List<String> existing = s.classified().targets().stream().filter(i -> !ReviewSchema.indexOnNewTable(i, s, ctx)).toList();
    if (existing.isEmpty()) return;
    String first = existing.get(0);
    Optional<String> table = ReviewSchema.indexCreatedBefore(first, s, ctx).map(IndexDef::table)
        .or(() -> ReviewSchema.tableOfIndex(first, ctx).map(TableFacts::name));
    Optional<TableFacts> facts = table.flatMap(ctx::table);
    boolean busy = facts.map(f -> (f.writesPerSecond() != null && f.writesPerSecond() >= 1)
        || !f.activeSessions().isEmpty()).orElse(false);
    String names = String.join(", ", existing);
    var finding = ctx.at(s, "DROP INDEX " + names + " takes ACCESS EXCLUSIVE on " + table.orElse("the index's table")
            + " until the transaction commits: it waits for every running query on the table, and every query that "
            + "arrives meanwhile (reads included) queues behind it")
        .evidence("indexes", names)
        .severity(busy ? Severity.HIGH : Severity.MEDIUM)
        .remediation(existing.stream().map(i -> "DROP INDEX CONCURRENTLY IF EXISTS " + i + ";")
            .collect(Collectors.joining(" ")) + " -- outside a transaction, one index per statement, no CASCADE. "
            + "CONCURRENTLY cannot drop an index that backs a PRIMARY KEY or UNIQUE constraint: drop that with "
            + "ALTER TABLE … DROP CONSTRAINT (brief ACCESS EXCLUSIVE) and a lock_timeout.");
    table.ifPresent(finding::onTable);
    finding.report();
  }
}
