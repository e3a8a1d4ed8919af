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

/**
 * TRUNCATE of tables the review did not create: every row is gone, under ACCESS EXCLUSIVE. CASCADE also empties
 * every table that references them by foreign key, without naming them.
 */
@RuleInfo(id = "truncate-table", area = Area.MIGRATIONS, checklist = "MIG-5", severity = Severity.HIGH,
    summary = "TRUNCATE deletes every row of an existing table under ACCESS EXCLUSIVE; CASCADE empties referencing tables too")
public final class TruncateTableRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.TRUNCATE) return;
    List<String> existing = s.classified().targets().stream().filter(t -> !ctx.isNew(t, s)).toList();
    if (existing.isEmpty()) return;
    boolean cascade = s.classified().has(Flag.CASCADE);
    List<String> fks = existing.stream().flatMap(t -> ctx.table(t).map(TableFacts::inboundForeignKeys).orElse(List.of())
        .stream()).toList();
    String list = String.join(", ", existing);
    String message = "TRUNCATE " + list + ": every row is deleted for good (only a backup brings them back); it takes "
        + "ACCESS EXCLUSIVE, so it waits for running queries and blocks all reads and writes meanwhile";
    if (cascade) {
      message += "; CASCADE also empties every table that references " + (existing.size() == 1 ? "it" : "them")
          + " by foreign key" + (fks.isEmpty() ? ", and their referencing tables in turn, without naming them"
              : " (" + String.join(", ", fks) + ")");
    } else if (!fks.isEmpty()) {
      message += "; foreign keys reference it (" + String.join(", ", fks) + "), so it fails unless those tables are "
          + "truncated in the same statement";
    }
    ctx.at(s, message)
        .onTable(existing.get(0))
        .severity(cascade ? Severity.CRITICAL : Severity.HIGH)
        .evidence("tables", list)
        .evidence("cascade", cascade)
        .remediation("-- keep a copy first (pg_dump --data-only --table=…), then name every table to empty, without "
            + "CASCADE, with a lock_timeout:\nSET lock_timeout = '2s';\nTRUNCATE " + list + ";\n"
            + "-- on a table in use, DELETE in batches (row locks only) instead:\n"
            + "DELETE FROM " + existing.get(0) + " WHERE id IN (SELECT id FROM " + existing.get(0) + " LIMIT 10000);")
        .report();
  }
}
