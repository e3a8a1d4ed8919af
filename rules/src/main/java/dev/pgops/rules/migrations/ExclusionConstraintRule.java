package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/** An EXCLUDE constraint added to an existing table: it has neither a NOT VALID nor a USING INDEX form. */
@RuleInfo(id = "exclusion-constraint", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "An exclusion constraint is built and checked under ACCESS EXCLUSIVE, with no online alternative")
public final class ExclusionConstraintRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!ReviewSchema.altersExistingTable(s, ctx)) return;
    ConstraintClause exclude = null;
    for (AlterAction a : s.classified().alterActions()) {
      ConstraintClause c = ConstraintClause.of(a);
      if (c != null && c.kind() == ConstraintClause.Kind.EXCLUDE) exclude = c;
    }
    if (exclude == null) return;
    ctx.at(s, "ADD " + (exclude.name() == null ? "" : "CONSTRAINT " + exclude.name() + " ") + "EXCLUDE builds its index "
            + "on " + s.target() + " and checks every row while holding ACCESS EXCLUSIVE: all reads and writes wait "
            + "for the whole build; an exclusion constraint cannot be added NOT VALID nor attached USING INDEX")
        .sizeSensitive()
        .remediation("There is no online form. Add it while the table is small or new (in the migration that creates "
            + "it); otherwise run it in a maintenance window with a lock_timeout, or build a new table with the "
            + "constraint, copy the rows in batches while a trigger mirrors changes, and swap the tables.")
        .report();
  }
}
