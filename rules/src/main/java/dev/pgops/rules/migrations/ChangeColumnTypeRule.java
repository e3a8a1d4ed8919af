package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TypeChanges;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALTER COLUMN … TYPE on an existing table rewrites it and rebuilds its indexes under ACCESS EXCLUSIVE, unless the
 * change is binary-coercible. The old type comes from an earlier statement of the review or the database; without
 * it a change to a type that can be reached without a rewrite (varchar, text, numeric …) is reported one step lower.
 */
@RuleInfo(id = "change-column-type", area = Area.MIGRATIONS, checklist = "MIG-4", severity = Severity.HIGH,
    summary = "ALTER COLUMN … TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE unless binary-coercible")
public final class ChangeColumnTypeRule implements MigrationRule {
  private static final Pattern SET_TIME_ZONE = Pattern.compile(
      "(?is)^SET\\s+(SESSION\\s+|LOCAL\\s+)?(?:TIME\\s+ZONE|timezone)\\s*(?:=|\\bTO\\b)?\\s*'?([^';\\s]+)'?\\s*$");
  private static final Set<String> UTC = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "z", "zulu", "uct", "universal",
      "etc/universal", "etc/uct", "etc/zulu", "gmt0", "etc/gmt0", "greenwich", "etc/greenwich");
  private static final Pattern USING = Pattern.compile("(?is)\\bUSING\\b\\s*(.+)$");

  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    boolean utc = false;
    int utcTx = -1; // SET LOCAL: only until the transaction ends
    for (ReviewStatement s : file.statements()) {
      if (s.kind() == StatementKind.SET || s.kind() == StatementKind.RESET) {
        Matcher m = SET_TIME_ZONE.matcher(s.text().strip());
        if (m.matches()) {
          utc = UTC.contains(m.group(2).toLowerCase(java.util.Locale.ROOT));
          utcTx = m.group(1) != null && m.group(1).strip().equalsIgnoreCase("LOCAL") ? s.txId() : -1;
        } else if (s.text().strip().matches("(?is)^RESET\\s+(timezone|time\\s+zone|all)$")) {
          utc = false;
        }
        continue;
      }
      if (utcTx >= 0 && s.txId() != utcTx) utc = false;
      if (s.kind() != StatementKind.ALTER_TABLE || s.target() == null || ctx.targetIsNew(s)) continue;
      for (AlterAction a : s.classified().alterActions()) {
        if (a.kind() == AlterAction.Kind.ALTER_COLUMN_TYPE && a.column() != null) check(s, a, utc, ctx);
      }
    }
  }

  private static void check(ReviewStatement s, AlterAction a, boolean utc, ReviewContext ctx) {
    String col = a.name();
    String to = a.column().type();
    Matcher using = USING.matcher(a.text());
    boolean hasUsing = using.find() && !TypeChanges.usingKeepsValue(col, using.group(1), to);
    String from = ctx.columnTypeBefore(s, s.target(), col);
    boolean tz = from != null && ctx.major() >= 12 && TypeChanges.timeZoneChange(from, to);
    if (!hasUsing && from != null && (TypeChanges.binaryCoercible(from, to) || (tz && utc))) return;
    String head = "ALTER COLUMN " + col + " TYPE " + to + " on " + s.target();
    String rewrite = s.target() + " is rewritten and its indexes rebuilt under ACCESS EXCLUSIVE, and every read and "
        + "write of the table waits until that finishes";
    String message;
    Severity severity = Severity.HIGH;
    String first = "";
    if (hasUsing) {
      message = head + (from == null ? "" : " (now " + from + ")") + " USING " + Columns.display(using.group(1))
          + ": a USING expression always rewrites the table; " + rewrite;
    } else if (tz) {
      message = head + " (now " + from + "): unless the session TimeZone is UTC (then PostgreSQL 12+ changes "
          + "timestamp ↔ timestamptz without a rewrite), " + rewrite;
      severity = severity.lower();
      first = "-- if UTC is the right interpretation of the stored values, no rewrite:\nSET LOCAL TimeZone = 'UTC';\n"
          + "ALTER TABLE " + s.target() + " ALTER COLUMN " + col + " TYPE " + to + ";\n-- otherwise:\n";
    } else if (from != null) {
      message = head + " (now " + from + "): not a binary-coercible change, so " + rewrite;
    } else if (TypeChanges.mayBeBinaryCoercibleTo(to)) {
      message = head + ": the current type is unknown (no database facts, not created in this review). The change "
          + "may be binary-coercible (varchar(n) → varchar(m ≥ n) or text, a larger numeric precision at the same "
          + "scale …) and need no rewrite; otherwise " + rewrite
          + (TypeChanges.baseName(to).equals("timestamptz") ? "; from timestamp, PostgreSQL 12+ skips the rewrite "
              + "when the session TimeZone is UTC" : "");
      severity = severity.lower();
      first = "-- check the current type first:\nSELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid "
          + "= '" + s.target() + "'::regclass AND attname = '" + dev.pgops.review.Names.simple(col) + "';\n"
          + "-- if the change is not binary-coercible:\n";
    } else {
      message = head + ": " + rewrite + " (the current type is unknown; only a binary-coercible change, e.g. "
          + "varchar(n) → text, avoids the rewrite)";
    }
    String value = hasUsing ? Columns.display(using.group(1)) : col + "::" + to;
    ctx.at(s, message)
        .sizeSensitive()
        .severity(severity)
        .subject(col)
        .evidence("column", col)
        .evidence("fromType", from == null ? "unknown" : from)
        .evidence("toType", to)
        .remediation(first + Staging.expandContract(s.target(), col, dev.pgops.review.Names.simple(col) + "_new", to, value,
            true))
        .report();
  }
}
