package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ColumnDef;
import dev.pgops.review.DefaultExpressions;
import dev.pgops.review.DefaultExpressions.Volatility;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * ADD COLUMN with a default that PostgreSQL must compute for every existing row: a volatile function on 11+, any
 * non-null default before 11. Non-volatile defaults on 11+ (literals, casts, now(), arrays) are stored in the
 * catalog and never fire.
 */
@RuleInfo(id = "add-column-volatile-default", area = Area.MIGRATIONS, checklist = "MIG-4", severity = Severity.HIGH,
    summary = "ADD COLUMN with a volatile default rewrites the whole table under ACCESS EXCLUSIVE")
public final class AddColumnVolatileDefaultRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    for (ColumnDef c : Columns.added(s)) {
      // serial, identity and generated columns have their own rules
      if (c.serial() || c.identity() || c.generated() != null) continue;
      if (c.defaultExpr() == null || c.defaultExpr().isBlank() || c.defaultExpr().equalsIgnoreCase("NULL")) continue;
      String expr = Columns.display(c.defaultExpr());
      Volatility v = DefaultExpressions.volatility(c.defaultExpr());
      String head = "ADD COLUMN " + c.name() + " DEFAULT " + expr + " on " + s.target() + ": ";
      String rewrite = s.target() + " and its indexes are rewritten under ACCESS EXCLUSIVE, and every read and write "
          + "of the table waits until that finishes";
      String message;
      Severity severity = null;
      if (ctx.major() < 11) {
        message = head + "before PostgreSQL 11 every non-null default is written into every existing row; " + rewrite;
      } else if (v == Volatility.VOLATILE) {
        message = head + "the volatile default is computed for every existing row; " + rewrite;
      } else if (v == Volatility.UNKNOWN) {
        message = head + "pgops could not determine the volatility of the default. If it calls a VOLATILE function, "
            + rewrite + "; a STABLE or IMMUTABLE default is stored in the catalog without a rewrite (PostgreSQL 11+)";
        severity = Severity.HIGH.lower();
      } else {
        continue;
      }
      String fix = Staging.backfill(s.target(), c.name(), c.type(), expr, expr, c.notNull(), ctx.major());
      if (v == Volatility.UNKNOWN && ctx.major() >= 11) {
        String fn = DefaultExpressions.firstFunction(c.defaultExpr());
        fix = "-- first check the function: SELECT proname, provolatile FROM pg_proc WHERE proname = '" + fn
            + "';  -- 'v' = volatile (rewrite); 's'/'i' = no rewrite, the statement is fine\n" + fix;
      }
      var b = ctx.at(s, message)
          .sizeSensitive()
          .subject(c.name())
          .evidence("column", c.name())
          .evidence("default", expr)
          .evidence("volatility", ctx.major() < 11 ? "any default rewrites before PostgreSQL 11"
              : v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
          .remediation(fix);
      if (severity != null) b.severity(severity);
      b.report();
    }
  }
}
