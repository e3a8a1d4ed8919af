package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

@RuleInfo(id = "create-index-non-concurrent", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.HIGH,
    summary = "CREATE INDEX without CONCURRENTLY blocks writes to an existing table for the whole build")
public final class CreateIndexNonConcurrentRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.CREATE_INDEX || s.classified().has(Flag.CONCURRENTLY)) return;
    if (s.target() == null || ctx.targetIsNew(s)) return;
    ctx.at(s, "CREATE INDEX on " + s.target() + " takes a SHARE lock: inserts, updates and deletes wait until the "
            + "index is built")
        .sizeSensitive()
        .remediation(Rewrite.concurrently(s.text(), "INDEX") + " -- outside a transaction; "
            + "if it fails, DROP INDEX CONCURRENTLY the INVALID leftover and retry")
        .report();
  }
}
