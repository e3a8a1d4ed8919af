package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.AlterAction.ConstraintType;
import dev.pgops.migration.AlterAction.Kind;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALTER TABLE parent ATTACH PARTITION part: PostgreSQL scans all of {@code part} under ACCESS EXCLUSIVE to prove its
 * rows fit the bound, unless a valid CHECK constraint on it implies the bound. Silent when the partition was created
 * earlier in the review, or when a CHECK was added to it (and validated) earlier in the review; a CHECK that exists
 * only in the database cannot be seen, so the message says so. Before PostgreSQL 12 the parent is locked ACCESS
 * EXCLUSIVE for the scan too (high).
 */
@RuleInfo(id = "attach-partition-scan", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.MEDIUM,
    summary = "ATTACH PARTITION scans the whole partition under ACCESS EXCLUSIVE unless a valid CHECK implies its bound")
public final class AttachPartitionScanRule implements MigrationRule {
  private static final Pattern PARTITION_BY = Pattern.compile(
      "(?is)\\bPARTITION\\s+BY\\s+(?:RANGE|LIST)\\s*\\(\\s*(\"[^\"]+\"|[a-z_][\\w$]*)\\s*\\)");

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.ALTER_TABLE || s.target() == null) return;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() != Kind.ATTACH_PARTITION || a.name() == null) continue;
      String part = a.name();
      if (ctx.isNew(part, s) || hasValidatedCheck(part, ctx.earlier(s))) continue;
      report(s, a, part, ctx);
    }
  }

  /** A CHECK added without NOT VALID, or added NOT VALID and then validated, by earlier statements of the review. */
  static boolean hasValidatedCheck(String table, List<ReviewStatement> earlier) {
    String n = Names.normalize(table);
    Set<String> validated = new HashSet<>();
    Set<String> pending = new HashSet<>();
    for (ReviewStatement e : earlier) {
      if (e.kind() != StatementKind.ALTER_TABLE || e.target() == null || !Names.normalize(e.target()).equals(n)) continue;
      for (AlterAction a : e.classified().alterActions()) {
        String name = a.name() == null ? "" : Names.simple(a.name());
        switch (a.kind()) {
          case ADD_CONSTRAINT -> {
            if (a.constraintType() != ConstraintType.CHECK) break;
            if (a.text().toUpperCase(Locale.ROOT).matches("(?s).*\\bNOT\\s+VALID\\b.*")) pending.add(name);
            else validated.add(name);
          }
          case VALIDATE_CONSTRAINT -> {
            if (pending.remove(name)) validated.add(name);
          }
          case DROP_CONSTRAINT -> {
            validated.remove(name);
            pending.remove(name);
          }
          default -> { }
        }
      }
    }
    return !validated.isEmpty();
  }

  private static void report(ReviewStatement s, AlterAction a, String part, ReviewContext ctx) {
    String parent = s.target();
    boolean old = ctx.major() < 12;
    String key = partitionKey(parent, ctx.earlier(s));
    String expr = PartitionBound.checkExpression(a.text(), key == null ? "<partition key>" : key);
    String check = Names.simple(part) + "_bound";
    String attach = s.classified().alterActions().size() == 1 ? s.text() + ";" : "ALTER TABLE " + parent + " " + a.text() + ";";
    ctx.at(s, "ATTACH PARTITION " + part + " scans every row of " + part + " under ACCESS EXCLUSIVE to check it fits "
            + "the partition bound, while " + parent + (old
                ? " is locked ACCESS EXCLUSIVE too (before PostgreSQL 12): every read and write of the partitioned "
                    + "table waits for the scan"
                : " is locked SHARE UPDATE EXCLUSIVE (reads and writes continue; other DDL and autovacuum wait)")
            + "; no CHECK constraint added and validated earlier in this review proves the rows fit (one already in "
            + "the database would also do). A DEFAULT partition of " + parent + ", if any, is scanned as well")
        .onTable(part)
        .sizeSensitive()
        .severity(old ? Severity.HIGH : Severity.MEDIUM)
        .evidence("partition", Names.normalize(part))
        .evidence("parentLock", old ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE")
        .remediation("ALTER TABLE " + part + " ADD CONSTRAINT " + check + " CHECK ("
            + (expr == null ? "<expression matching the partition bound>" : expr) + ") NOT VALID;  -- brief\n"
            + "ALTER TABLE " + part + " VALIDATE CONSTRAINT " + check + ";  -- scans under SHARE UPDATE EXCLUSIVE: "
            + "reads and writes continue\n"
            + attach + "  -- the CHECK proves the bound: no scan\n"
            + "ALTER TABLE " + part + " DROP CONSTRAINT " + check + ";")
        .report();
  }

  /** The single-column key of a RANGE or LIST partitioned table created earlier in the review, else null. */
  private static String partitionKey(String parent, List<ReviewStatement> earlier) {
    String n = Names.normalize(parent);
    for (ReviewStatement e : earlier) {
      if (e.kind() != StatementKind.CREATE_TABLE || e.target() == null || !Names.normalize(e.target()).equals(n)) continue;
      Matcher m = PARTITION_BY.matcher(e.text());
      if (m.find()) return m.group(1);
    }
    return null;
  }
}
