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
 * ALTER COLUMN … SET NOT NULL on an existing table: a full scan for NULLs under ACCESS EXCLUSIVE. PostgreSQL 12+
 * skips the scan when a valid CHECK (col IS NOT NULL) exists — validated earlier in the review or found in the
 * database — so those are exempt.
 */
@RuleInfo(id = "set-not-null-scan", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a valid CHECK already proves it")
public final class SetNotNullScanRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!ReviewSchema.altersExistingTable(s, ctx)) return;
    Set<String> proven = ctx.major() >= 12 ? ReviewSchema.provenNotNull(s.target(), s, ctx) : Set.of();
    List<String> columns = new ArrayList<>();
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() == AlterAction.Kind.SET_NOT_NULL && a.name() != null && !proven.contains(Names.simple(a.name()))) {
        columns.add(a.name());
      }
    }
    if (columns.isEmpty()) return;
    String cols = String.join(", ", columns);
    String why = ctx.major() >= 12
        ? "; no valid CHECK (" + columns.get(0) + " IS NOT NULL) exists " + (ctx.facts().hasDatabase()
            ? "in the database or earlier in this review" : "earlier in this review") + " to let PostgreSQL skip it"
        : "; before PostgreSQL 12 the scan cannot be skipped";
    ctx.at(s, "SET NOT NULL on " + s.target() + " (" + cols + ") scans the whole table for NULLs while holding ACCESS "
            + "EXCLUSIVE: all reads and writes wait for the scan" + why)
        .evidence("columns", cols)
        .evidence("pgMajor", ctx.major())
        .sizeSensitive()
        .remediation(fix(s.target(), columns, ctx.major()))
        .report();
  }

  private static String fix(String table, List<String> columns, int major) {
    if (major < 12) {
      return "PostgreSQL " + major + " always scans for SET NOT NULL: run it in a quiet window with a lock_timeout, "
          + "or enforce the rule with a CHECK (col IS NOT NULL) added NOT VALID and validated in a separate "
          + "transaction, and switch to SET NOT NULL after upgrading to 12+ (the valid CHECK then skips the scan).";
    }
    StringBuilder b = new StringBuilder();
    for (String c : columns) b.append(b.length() == 0 ? "" : " ").append(checkSteps(table, c));
    if (major >= 18) {
      String c = columns.get(0);
      String name = ReviewSchema.defaultName(table, List.of(Names.simple(c)), "not_null");
      b.append(" On PostgreSQL 18 also: ALTER TABLE ").append(table).append(" ADD CONSTRAINT ").append(name)
          .append(" NOT NULL ").append(c).append(" NOT VALID; then, in a separate transaction, ALTER TABLE ")
          .append(table).append(" VALIDATE CONSTRAINT ").append(name).append("; (the column becomes NOT NULL)")
          .append(columns.size() > 1 ? ", likewise for each column." : ".");
    }
    return b.toString();
  }

  /** The PostgreSQL 12+ sequence: CHECK NOT VALID → VALIDATE (own transaction) → SET NOT NULL (no scan) → drop CHECK. */
  static String checkSteps(String table, String column) {
    String name = ReviewSchema.defaultName(table, List.of(Names.simple(column)), "not_null");
    return "1. ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + column + " IS NOT NULL) NOT VALID; "
        + "2. in a separate transaction: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + "; "
        + "3. ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL; (no scan: the valid CHECK proves it) "
        + "4. ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";";
  }
}
