package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ColumnDef;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.Optional;

/**
 * ADD COLUMN … NOT NULL without a DEFAULT on an existing table: every existing row would hold NULL, so the statement
 * fails as soon as the table has one row (and old application code that inserts without the column fails after).
 */
@RuleInfo(id = "add-column-required", area = Area.MIGRATIONS, checklist = "MIG-4", severity = Severity.HIGH,
    summary = "ADD COLUMN … NOT NULL without a DEFAULT fails on a table that has rows")
public final class AddColumnRequiredRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    for (ColumnDef c : Columns.added(s)) {
      if (!c.notNull() || c.serial() || c.identity() || c.generated() != null) continue;
      if (c.defaultExpr() != null && !c.defaultExpr().isBlank() && !c.defaultExpr().equalsIgnoreCase("NULL")) continue;
      Optional<TableFacts> facts = ctx.table(s.target());
      boolean empty = facts.isPresent() && facts.get().estimatedRows() == 0;
      String message = "ADD COLUMN " + c.name() + " " + c.type() + " NOT NULL without a DEFAULT on " + s.target()
          + ": existing rows would get NULL, so the statement fails with \"column contains null values\" as soon "
          + "as the table has a row; once it exists, application code that inserts without " + c.name() + " fails too";
      if (empty) {
        message += " (the database estimates the table is empty, so it succeeds if it is still empty when the "
            + "migration runs)";
      }
      String fixed = "ALTER TABLE " + s.target() + " ADD COLUMN " + c.name() + " " + c.type() + " NOT NULL DEFAULT <value>;";
      String fix = (ctx.major() >= 11
          ? "-- with a constant (non-volatile) default: catalog-only on PostgreSQL 11+\n" + fixed
          : "-- before PostgreSQL 11 a default rewrites the table; stage it instead")
          + "\n-- or, when each row needs its own value:\n"
          + Staging.backfill(s.target(), c.name(), c.type(), null, null, true, ctx.major());
      var b = ctx.at(s, message)
          .subject(c.name())
          .evidence("column", c.name())
          .remediation(fix);
      if (empty) b.severity(Severity.INFO).evidence("estimatedRowsNow", 0);
      b.report();
    }
  }
}
