package dev.pgops.rules.schema;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.SequenceInfo;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "integer-key-near-overflow", area = Area.MAINTENANCE, checklist = "MNT-9", severity = Severity.HIGH,
    summary = "Integer or smallint column fed by a sequence is approaching its type's maximum")
public final class IntegerKeyNearOverflowRule implements Rule {
  static final Threshold HIGH_PCT = Threshold.of("highPct", 50, "report (high) when the sequence has reached this share of the column type's limit (%)");
  static final Threshold CRIT_PCT = Threshold.of("critPct", 85, "critical from this share (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(HIGH_PCT, CRIT_PCT);
  }

  /** The limit of an integer / smallint column in the sequence's direction, or null for other types. */
  static Long columnLimit(String columnType, long increment) {
    if (columnType == null) return null;
    return switch (columnType.trim()) {
      case "integer", "int4", "int" -> increment >= 0 ? (long) Integer.MAX_VALUE : (long) Integer.MIN_VALUE;
      case "smallint", "int2" -> increment >= 0 ? (long) Short.MAX_VALUE : (long) Short.MIN_VALUE;
      default -> null;
    };
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<SequenceInfo> sequences = ctx.require(s.sequences(), "sequences");
    List<SequenceInfo> feeding = sequences.stream()
        .filter(q -> q.ownedByTable() != null && columnLimit(q.ownedByColumnType(), q.increment()) != null).toList();
    if (!feeding.isEmpty() && feeding.stream().allMatch(q -> q.lastValue() == null)) {
      throw ctx.notEvaluated("sequence values not readable: last_value is null for all " + feeding.size()
          + " sequences feeding integer/smallint columns (never used, or the role lacks SELECT/USAGE on them)");
    }
    double high = ctx.value(HIGH_PCT) / 100, crit = ctx.value(CRIT_PCT) / 100;
    List<Finding> out = new ArrayList<>();
    for (SequenceInfo q : feeding) {
      if (q.lastValue() == null) continue;
      long limit = columnLimit(q.ownedByColumnType(), q.increment());
      double used = Math.max(0, (double) q.lastValue() / (double) limit);
      if (used < high) continue;
      String table = Sql.qualified(q.ownedBySchema(), q.ownedByTable());
      String col = Sql.ident(q.ownedByColumn());
      String newCol = Sql.ident(q.ownedByColumn() + "_new");
      String seq = Sql.qualified(q.schema(), q.name());
      long left = (long) Math.abs((double) limit - q.lastValue()) / Math.max(1, Math.abs(q.increment()));
      String msg = q.ownedBySchema() + "." + q.ownedByTable() + "." + q.ownedByColumn() + " (" + q.ownedByColumnType()
          + ") is fed by " + q.qualifiedName() + " at " + q.lastValue() + ": " + Fmt.pctDown(used) + " of the type's limit "
          + limit + " (" + Fmt.count(left) + " values left); inserts fail once it is reached";
      out.add(ctx.finding(Location.object("column", q.ownedBySchema(), q.ownedByTable() + "." + q.ownedByColumn(), q.ownedByTable()), msg)
          .severity(used >= crit ? Severity.CRITICAL : Severity.HIGH)
          .evidence("sequence", q.qualifiedName())
          .evidence("sequenceType", q.dataType())
          .evidence("columnType", q.ownedByColumnType())
          .evidence("lastValue", q.lastValue())
          .evidence("columnLimit", limit)
          .evidence("used", Fmt.pctDown(used))
          .evidence("threshold", "high >= " + Fmt.plain(ctx.value(HIGH_PCT)) + " %, critical >= "
              + Fmt.plain(ctx.value(CRIT_PCT)) + " % of the column type's limit")
          .remediation("-- plan a bigint migration now; the one-step way rewrites the table and every index under an\n"
              + "-- ACCESS EXCLUSIVE lock for the whole duration:  ALTER TABLE " + table + " ALTER COLUMN " + col + " TYPE bigint;\n"
              + "-- online way (new column, backfill, swap):\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + newCol + " bigint;  -- metadata only, brief lock\n"
              + "-- keep it in sync with a trigger copying NEW." + col + " into NEW." + newCol + " on INSERT/UPDATE, then\n"
              + "-- backfill in small batches: UPDATE " + table + " SET " + newCol + " = " + col + " WHERE " + col
              + " BETWEEN <a> AND <b> AND " + newCol + " IS NULL;\n"
              + "-- CREATE UNIQUE INDEX CONCURRENTLY ON " + table + " (" + newCol + ");\n"
              + "-- in one short transaction (ACCESS EXCLUSIVE, set lock_timeout): drop the old key constraint,\n"
              + "-- rename the columns, ADD PRIMARY KEY USING INDEX, move the default / identity and OWNED BY\n"
              + (!"bigint".equals(q.dataType()) ? "ALTER SEQUENCE " + seq + " AS bigint;\n" : "")
              + "-- foreign keys referencing this column must be migrated to bigint too\n"
              + "-- rollback: until the swap, DROP COLUMN " + newCol + " undoes everything")
          .build());
    }
    return out;
  }
}
