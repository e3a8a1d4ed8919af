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

@RuleInfo(id = "sequence-near-overflow", area = Area.MAINTENANCE, checklist = "MNT-9", severity = Severity.MEDIUM,
    summary = "Sequence has used most of its range")
public final class SequenceNearOverflowRule implements Rule {
  static final Threshold WARN_PCT = Threshold.of("warnPct", 75, "report when this share of the sequence's range is used (%)");
  static final Threshold HIGH_PCT = Threshold.of("highPct", 90, "high from this share (%)");
  static final Threshold CRIT_PCT = Threshold.of("critPct", 98, "critical from this share (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PCT, HIGH_PCT, CRIT_PCT);
  }

  /** Share of the range between start bound and end bound already consumed, in the sequence's direction. */
  static double used(long last, long min, long max, long increment) {
    double range = (double) max - (double) min;
    if (range <= 0) return 0;
    double u = increment >= 0 ? ((double) last - min) / range : ((double) max - last) / range;
    return Math.max(0, Math.min(1, u));
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<SequenceInfo> sequences = ctx.require(s.sequences(), "sequences");
    if (!sequences.isEmpty() && sequences.stream().allMatch(q -> q.lastValue() == null)) {
      throw ctx.notEvaluated("sequence values not readable: last_value is null for all " + sequences.size()
          + " sequences (never used, or the role lacks SELECT/USAGE on them)");
    }
    double warn = ctx.value(WARN_PCT) / 100, high = ctx.value(HIGH_PCT) / 100, crit = ctx.value(CRIT_PCT) / 100;
    List<Finding> out = new ArrayList<>();
    for (SequenceInfo q : sequences) {
      if (q.lastValue() == null) continue; // unknown, not a pass
      // The column limit is reached first: integer-key-near-overflow reports it, earlier and louder.
      Long colLimit = IntegerKeyNearOverflowRule.columnLimit(q.ownedByColumnType(), q.increment());
      if (colLimit != null && q.ownedByTable() != null
          && Math.abs((double) colLimit) <= Math.abs((double) (q.increment() >= 0 ? q.maxValue() : q.minValue()))) {
        continue;
      }
      double used = used(q.lastValue(), q.minValue(), q.maxValue(), q.increment());
      if (used < warn) continue;
      Severity sev = q.cycle() ? Severity.LOW
          : used >= crit ? Severity.CRITICAL : used >= high ? Severity.HIGH : Severity.MEDIUM;
      long bound = q.increment() >= 0 ? q.maxValue() : q.minValue();
      long left = (long) Math.abs((double) bound - q.lastValue()) / Math.max(1, Math.abs(q.increment()));
      String seq = Sql.qualified(q.schema(), q.name());
      String owner = q.ownedByTable() == null ? "" : " (feeds " + q.ownedBySchema() + "." + q.ownedByTable() + "."
          + q.ownedByColumn() + (q.ownedByColumnType() == null ? "" : ", " + q.ownedByColumnType()) + ")";
      String msg = "Sequence " + q.qualifiedName() + owner + " has used " + Fmt.pctDown(used) + " of its range ("
          + q.lastValue() + " of " + bound + ", " + Fmt.count(left) + " values left)"
          + (q.cycle() ? "; it is CYCLE, so it will wrap and reuse values (duplicates if the column is unique)" : "");
      String fix;
      if (q.cycle()) {
        fix = "-- wrapping is intended with CYCLE; make sure reused values cannot collide with old rows\n"
            + "-- (or widen it: ALTER SEQUENCE " + seq + " AS bigint; )";
      } else if (!"bigint".equals(q.dataType())) {
        fix = "-- widen the sequence (quick, no table rewrite); the column it feeds must be bigint too:\n"
            + "ALTER SEQUENCE " + seq + " AS bigint;\n"
            + "-- rollback: ALTER SEQUENCE " + seq + " AS " + q.dataType() + ";  (only while last_value still fits)";
      } else {
        fix = "-- a bigint sequence this far along usually has a huge INCREMENT or a manual setval: check both\n"
            + "SELECT * FROM pg_sequences WHERE schemaname = " + Sql.literal(q.schema()) + " AND sequencename = "
            + Sql.literal(q.name()) + ";\n"
            + "-- then plan a new key scheme (e.g. uuid) or restart at an unused range with ALTER SEQUENCE ... RESTART";
      }
      out.add(ctx.finding(Location.object("sequence", q.schema(), q.name()), msg)
          .severity(sev)
          .evidence("lastValue", q.lastValue())
          .evidence("minValue", q.minValue())
          .evidence("maxValue", q.maxValue())
          .evidence("increment", q.increment())
          .evidence("cycle", q.cycle())
          .evidence("dataType", q.dataType())
          .evidence("used", Fmt.pctDown(used))
          .evidence("threshold", "medium >= " + Fmt.plain(ctx.value(WARN_PCT)) + " %, high >= "
              + Fmt.plain(ctx.value(HIGH_PCT)) + " %, critical >= " + Fmt.plain(ctx.value(CRIT_PCT))
              + " %; low when CYCLE")
          .remediation(fix)
          .build());
    }
    return out;
  }
}
