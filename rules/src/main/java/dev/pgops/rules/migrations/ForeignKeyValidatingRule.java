package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ColumnDef;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A foreign key added to an existing table without NOT VALID: every row is checked against the referenced table
 * while SHARE ROW EXCLUSIVE blocks writes on both. ADD COLUMN … REFERENCES validates only when the column gets a
 * non-null default (with no default every value is NULL and PostgreSQL skips the check).
 */
@RuleInfo(id = "foreign-key-validating", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "A foreign key added without NOT VALID scans the table while writes to both tables are blocked")
public final class ForeignKeyValidatingRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!ReviewSchema.altersExistingTable(s, ctx)) return;
    List<String> what = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    String referenced = null;
    for (AlterAction a : s.classified().alterActions()) {
      ConstraintClause c = ConstraintClause.of(a);
      if (c != null && c.kind() == ConstraintClause.Kind.FOREIGN_KEY && !c.notValid() && c.referencedTable() != null) {
        String name = c.name() != null ? c.name() : ReviewSchema.defaultName(s.target(), c.columns(), "fkey");
        what.add("FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES " + c.referencedTable());
        fixes.add(Rewrite.notValidThenValidate(s.target(), name, "FOREIGN KEY " + c.body()));
        if (referenced == null) referenced = c.referencedTable();
      } else if (a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null && a.column().references() != null
          && a.column().defaultExpr() != null && !a.column().defaultExpr().equalsIgnoreCase("NULL")) {
        ColumnDef col = a.column();
        String name = ReviewSchema.defaultName(s.target(), List.of(Names.simple(col.name())), "fkey");
        what.add("column " + col.name() + " REFERENCES " + col.references() + " with DEFAULT " + col.defaultExpr());
        fixes.add("ALTER TABLE " + s.target() + " ADD COLUMN " + col.name() + " " + col.type() + " DEFAULT "
            + col.defaultExpr() + (col.notNull() ? " NOT NULL" : "") + "; then "
            + Rewrite.notValidThenValidate(s.target(), name, "FOREIGN KEY (" + col.name() + ") REFERENCES "
                + col.references()));
        if (referenced == null) referenced = col.references();
      }
    }
    if (what.isEmpty()) return;
    var finding = ctx.at(s, "ADD " + String.join(", ", what) + " checks every existing row of " + s.target()
            + " against " + referenced + " while holding SHARE ROW EXCLUSIVE on both tables: inserts, updates and "
            + "deletes on " + s.target() + " and on " + referenced + " wait for the full scan")
        .evidence("referencedTable", Names.normalize(referenced))
        .sizeSensitive()
        .remediation(String.join(" ", fixes));
    ctx.table(referenced).ifPresent(f -> finding.evidence("referencedTableSize", Bytes.human(f.totalBytes())));
    finding.report();
  }
}
