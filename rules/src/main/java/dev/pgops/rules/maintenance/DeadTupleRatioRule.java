package dev.pgops.rules.maintenance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "dead-tuple-ratio", area = Area.MAINTENANCE, checklist = "MNT-4", severity = Severity.MEDIUM,
    summary = "Table has a high share of dead tuples")
public final class DeadTupleRatioRule implements Rule {
  static final Threshold MIN_TUPLES = Threshold.of("minTuples", 10_000, "ignore tables with fewer live + dead tuples");
  static final Threshold WARN_RATIO = Threshold.of("warnRatio", 0.2, "medium above this dead share");
  static final Threshold HIGH_RATIO = Threshold.of("highRatio", 0.5, "high above this dead share on large tables");
  static final Threshold HIGH_MIN_SIZE_MB = Threshold.of("highMinSizeMb", 1024, "high only from this table size (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_TUPLES, WARN_RATIO, HIGH_RATIO, HIGH_MIN_SIZE_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    double minTuples = ctx.value(MIN_TUPLES);
    double warn = ctx.value(WARN_RATIO);
    double high = ctx.value(HIGH_RATIO);
    long highSize = Bytes.mb(ctx.value(HIGH_MIN_SIZE_MB));
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      long all = t.liveTuples() + t.deadTuples();
      if (!Maint.hasStorage(t) || all < minTuples || all == 0) continue;
      double ratio = (double) t.deadTuples() / all;
      if (ratio <= warn) continue;
      boolean isHigh = ratio > high && t.tableBytes() >= highSize;
      String q = Sql.qualified(t.schema(), t.name());
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": " + Fmt.pct(ratio) + " dead tuples (" + Fmt.count(t.deadTuples()) + " of "
                  + Fmt.count(all) + "), " + Bytes.human(t.tableBytes()) + ", last vacuum "
                  + Fmt.ago(t.lastVacuumAny(), ctx))
          .severity(isHigh ? Severity.HIGH : Severity.MEDIUM)
          .evidence("deadTuples", t.deadTuples())
          .evidence("liveTuples", t.liveTuples())
          .evidence("deadRatio", Fmt.pct(ratio))
          .evidence("tableSize", Bytes.human(t.tableBytes()))
          .evidence("mediumAbove", Fmt.pct(warn))
          .evidence("highAbove", Fmt.pct(high) + " and " + Bytes.human(highSize))
          .evidence("lastVacuum", Fmt.when(t.lastVacuum()))
          .evidence("lastAutovacuum", Fmt.when(t.lastAutovacuum()))
          .evidence("autovacuumCount", t.autovacuumCount())
          .evidence("options", String.join(", ", t.options()))
          .remediation("-- if an old transaction, prepared transaction or slot holds the xmin horizon, vacuum cannot\n"
              + "-- remove these rows: release it first (see xmin-horizon-held). Then:\n"
              + "VACUUM (VERBOSE, ANALYZE) " + q + ";\n"
              + "-- so autovacuum keeps up by itself, trigger it earlier on this table:\n"
              + "ALTER TABLE " + q + " SET (autovacuum_vacuum_scale_factor = 0.02);\n"
              + "-- rollback: ALTER TABLE " + q + " RESET (autovacuum_vacuum_scale_factor);")
          .build());
    }
    return out;
  }
}
