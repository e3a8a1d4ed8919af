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
import java.util.Set;

/**
 * A PRIMARY KEY added to an existing table that builds its index in place (not USING INDEX). Besides the index build
 * it sets NOT NULL on nullable key columns, a further scan under the same ACCESS EXCLUSIVE lock — which USING INDEX
 * does not avoid, so the safe form proves the columns non-null first.
 */
@RuleInfo(id = "primary-key-in-place", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "A PRIMARY KEY built in place holds ACCESS EXCLUSIVE for the index build and the NOT NULL scan")
public final class PrimaryKeyInPlaceRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!ReviewSchema.altersExistingTable(s, ctx)) return;
    List<String> columns = null;
    String name = null;
    boolean addColumn = false;
    for (AlterAction a : s.classified().alterActions()) {
      ConstraintClause c = ConstraintClause.of(a);
      if (c != null && c.kind() == ConstraintClause.Kind.PRIMARY_KEY && c.usingIndex() == null && !c.columns().isEmpty()) {
        columns = c.columns();
        name = c.name();
      } else if (a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null && a.column().primaryKey()) {
        columns = List.of(Names.simple(a.column().name()));
        addColumn = true;
      }
    }
    if (columns == null) return;
    String pk = name != null ? name : ReviewSchema.defaultName(s.target(), List.of(), "pkey");
    String cols = String.join(", ", columns);
    Set<String> proven = ReviewSchema.provenNotNull(s.target(), s, ctx);
    List<String> steps = new ArrayList<>();
    if (addColumn) steps.add("Add and fill column " + cols + " first (without PRIMARY KEY).");
    List<String> unproven = columns.stream().filter(c -> !proven.contains(c)).toList();
    if (!unproven.isEmpty()) steps.add(notNullSteps(s.target(), unproven, ctx.major()));
    steps.add("Build the index without blocking writes, outside a transaction: CREATE UNIQUE INDEX CONCURRENTLY IF NOT "
        + "EXISTS " + pk + " ON " + s.target() + " (" + cols + ");");
    steps.add("Attach it (brief ACCESS EXCLUSIVE): ALTER TABLE " + s.target() + " ADD CONSTRAINT " + pk
        + " PRIMARY KEY USING INDEX " + pk + ";");
    ctx.at(s, "ADD PRIMARY KEY (" + cols + ") builds a unique index on " + s.target() + " while holding ACCESS "
            + "EXCLUSIVE, and first sets NOT NULL on any nullable key column (another full scan): all reads and "
            + "writes on the table wait for both")
        .evidence("keyColumns", cols)
        .sizeSensitive()
        .remediation(String.join(" ", steps))
        .report();
  }

  /** Making columns NOT NULL before the key is attached: USING INDEX would otherwise scan for NULLs under the lock. */
  private static String notNullSteps(String table, List<String> columns, int major) {
    if (major < 12) {
      return "Make " + String.join(", ", columns) + " NOT NULL first: before PostgreSQL 12 that always scans under "
          + "ACCESS EXCLUSIVE (ADD PRIMARY KEY USING INDEX would run the same scan), so do it in a quiet window.";
    }
    StringBuilder b = new StringBuilder("For each key column that may still be nullable, prove it NOT NULL without a "
        + "long lock (PostgreSQL 12+ then skips the scan, also the one USING INDEX would do):");
    for (String c : columns) b.append(' ').append(SetNotNullScanRule.checkSteps(table, c));
    return b.toString();
  }
}
