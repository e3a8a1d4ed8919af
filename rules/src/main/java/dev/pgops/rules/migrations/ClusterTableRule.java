package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

@RuleInfo(id = "cluster-table", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.HIGH,
    summary = "CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE, blocking all reads and writes")
public final class ClusterTableRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.CLUSTER) return;
    if (s.target() == null) {
      ctx.at(s, "CLUSTER without a table rewrites every table that was clustered before, one after another, each "
              + "under ACCESS EXCLUSIVE (all reads and writes of it wait)")
          .remediation("Re-order the tables that need it online instead, one at a time, outside the migration: "
              + "pg_repack --table=<table> <database> (orders by the clustering index).")
          .report();
      return;
    }
    if (ctx.targetIsNew(s)) return;
    String index = s.classified().targets().size() > 1 ? s.classified().targets().get(1) : null;
    String t = s.target();
    ctx.at(s, "CLUSTER rewrites " + t + " in " + (index == null ? "its clustering index's" : index) + " order and "
            + "rebuilds its indexes under ACCESS EXCLUSIVE: every read and write of " + t + " waits for the whole "
            + "rewrite, which needs free disk space for a full copy; the order decays again as rows change")
        .onTable(t)
        .sizeSensitive()
        .remediation((index == null ? "" : "ALTER TABLE " + t + " CLUSTER ON " + index + ";  -- brief, SHARE UPDATE "
            + "EXCLUSIVE\n") + "pg_repack --table=" + Names.normalize(t) + " <database>  -- outside the migration: "
            + "re-orders by the clustering index online, ACCESS EXCLUSIVE only briefly at the start and end (needs a "
            + "primary key or a unique index on NOT NULL columns); --order-by=<columns> for another order")
        .report();
  }
}
