package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

@RuleInfo(id = "vacuum-full", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.HIGH,
    summary = "VACUUM FULL rewrites the table under ACCESS EXCLUSIVE, blocking all reads and writes until it is done")
public final class VacuumFullRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.VACUUM || !s.impact().operation().equals("VACUUM FULL")) return;
    if (s.classified().targets().isEmpty()) {
      ctx.at(s, "VACUUM FULL without a table rewrites every table of the database, one after another, each under "
              + "ACCESS EXCLUSIVE (all reads and writes of it wait) and with free disk space for a full copy")
          .remediation("Name the tables that need it and rewrite them online instead, one at a time, outside the "
              + "migration: pg_repack --no-order --table=<table> <database> (or pg_squeeze).")
          .report();
      return;
    }
    String t = Targets.largestExisting(s, ctx, s.classified().targets());
    if (t == null) return;
    ctx.at(s, "VACUUM FULL rewrites " + t + " into a new file and rebuilds its indexes under ACCESS EXCLUSIVE: every "
            + "read and write of " + t + " waits for the whole rewrite, which needs free disk space for a full copy")
        .onTable(t)
        .sizeSensitive()
        .remediation("pg_repack --no-order --table=" + Names.normalize(t) + " <database>  -- outside the migration: "
            + "rewrites online, ACCESS EXCLUSIVE only briefly at the start and end (needs a primary key or a unique "
            + "index on NOT NULL columns); pg_squeeze works likewise. If the goal is only to make dead space reusable, "
            + "plain VACUUM " + t + " is enough and blocks neither reads nor writes.")
        .report();
  }
}
