package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A UNIQUE constraint on an existing table that builds its index in place (not USING INDEX). */
@RuleInfo(id = "unique-constraint-in-place", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "A UNIQUE constraint built in place holds ACCESS EXCLUSIVE for the whole index build")
public final class UniqueConstraintInPlaceRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!ReviewSchema.altersExistingTable(s, ctx)) return;
    List<String> what = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    for (AlterAction a : s.classified().alterActions()) {
      ConstraintClause c = ConstraintClause.of(a);
      if (c != null && c.kind() == ConstraintClause.Kind.UNIQUE && c.usingIndex() == null && !c.columns().isEmpty()) {
        String name = c.name() != null ? c.name() : ReviewSchema.defaultName(s.target(), c.columns(), "key");
        what.add("UNIQUE (" + String.join(", ", c.columns()) + ")");
        fixes.add(fix(s.target(), name, c.columns(), a.text().toUpperCase(Locale.ROOT).matches("(?s).*\\bNULLS\\s+NOT\\s+DISTINCT\\b.*")));
      } else if (a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null && a.column().unique()
          && !a.column().primaryKey()) {
        List<String> cols = List.of(Names.simple(a.column().name()));
        what.add("column " + a.column().name() + " UNIQUE");
        fixes.add("Add column " + a.column().name() + " without UNIQUE, then "
            + fix(s.target(), ReviewSchema.defaultName(s.target(), cols, "key"), cols, false));
      }
    }
    if (what.isEmpty()) return;
    ctx.at(s, "ADD " + String.join(", ", what) + " builds a unique index on " + s.target() + " while holding ACCESS "
            + "EXCLUSIVE: all reads and writes on the table wait for the whole build (a full scan and sort)")
        .sizeSensitive()
        .remediation(String.join(" ", fixes))
        .report();
  }

  /** Build the unique index concurrently, then attach it as the constraint (brief ACCESS EXCLUSIVE). */
  static String fix(String table, String name, List<String> columns, boolean nullsNotDistinct) {
    return "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + table + " (" + String.join(", ", columns)
        + ")" + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "") + "; (outside a transaction; it fails on duplicates "
        + "and then leaves an INVALID index to drop) then ALTER TABLE " + table + " ADD CONSTRAINT " + name
        + " UNIQUE USING INDEX " + name + ";";
  }
}
