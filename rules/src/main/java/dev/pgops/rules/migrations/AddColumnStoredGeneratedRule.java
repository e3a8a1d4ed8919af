package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ADD COLUMN … GENERATED ALWAYS AS (…) STORED computes and writes the value into every row: a rewrite. */
@RuleInfo(id = "add-column-stored-generated", area = Area.MIGRATIONS, checklist = "MIG-4", severity = Severity.HIGH,
    summary = "ADD COLUMN … GENERATED ALWAYS AS (…) STORED rewrites the whole table under ACCESS EXCLUSIVE")
public final class AddColumnStoredGeneratedRule implements MigrationRule {
  private static final Pattern EXPRESSION = Pattern.compile("(?is)\\bGENERATED\\s+ALWAYS\\s+AS\\s*(\\(.*\\))\\s*STORED");

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() != AlterAction.Kind.ADD_COLUMN || a.column() == null || !"stored".equals(a.column().generated())) continue;
      String col = a.column().name();
      Matcher m = EXPRESSION.matcher(a.text());
      String expr = m.find() ? Columns.display(m.group(1)) : "(…)";
      String virtual = ctx.major() >= 18
          ? "-- PostgreSQL 18+: a VIRTUAL generated column is computed on read, no rewrite (it cannot be indexed):\n"
              + "ALTER TABLE " + s.target() + " ADD COLUMN " + col + " " + a.column().type() + " GENERATED ALWAYS AS "
              + expr + " VIRTUAL;\n-- or, when the value must be stored:\n"
          : "";
      ctx.at(s, "ADD COLUMN " + col + " GENERATED ALWAYS AS " + expr + " STORED on " + s.target() + ": the "
              + "expression is computed and written into every existing row, so the table and its indexes are "
              + "rewritten under ACCESS EXCLUSIVE and every read and write waits until it finishes")
          .sizeSensitive()
          .subject(col)
          .evidence("column", col)
          .evidence("expression", expr)
          .remediation(virtual + Staging.backfill(s.target(), col, a.column().type(), null, expr, false, ctx.major())
              + "\n-- keep it current with a BEFORE INSERT OR UPDATE trigger that sets NEW." + col + " from the expression")
          .report();
    }
  }
}
