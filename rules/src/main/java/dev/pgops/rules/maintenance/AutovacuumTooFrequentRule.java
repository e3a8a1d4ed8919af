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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "autovacuum-too-frequent", area = Area.MAINTENANCE, checklist = "MNT-4", severity = Severity.LOW,
    summary = "Table is vacuumed many times a day")
public final class AutovacuumTooFrequentRule implements Rule {
  static final Threshold MAX_PER_DAY = Threshold.of("maxPerDay", 12, "report more vacuums per day than this");
  static final Threshold MIN_SIZE_MB = Threshold.of("minSizeMb", 10,
      "ignore smaller tables: vacuuming a small hot table often is cheap and expected");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MAX_PER_DAY, MIN_SIZE_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    Duration window = ctx.statsWindow()
        .orElseThrow(() -> ctx.notEvaluated("statistics window unknown (no stats reset or server start time)"));
    // Less than a day of counters says little about a daily rate; count it as one day.
    double days = Math.max(1.0, window.getSeconds() / 86400.0);
    double max = ctx.value(MAX_PER_DAY);
    long minSize = Bytes.mb(ctx.value(MIN_SIZE_MB));
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (!Maint.hasStorage(t) || t.tableBytes() < minSize) continue;
      long runs = t.vacuumCount() + t.autovacuumCount();
      double perDay = runs / days;
      if (perDay <= max) continue;
      String q = Sql.qualified(t.schema(), t.name());
      String rate = String.format(Locale.ROOT, "%.1f", perDay);
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": vacuumed " + rate + " times a day (" + runs + " runs in "
                  + RuleContext.human(window) + "), " + Bytes.human(t.tableBytes()))
          .usageBased()
          .evidence("vacuumCount", t.vacuumCount())
          .evidence("autovacuumCount", t.autovacuumCount())
          .evidence("perDay", rate)
          .evidence("maxPerDay", Fmt.plain(max))
          .evidence("tableSize", Bytes.human(t.tableBytes()))
          .evidence("updatedTuples", t.updatedTuples())
          .evidence("deletedTuples", t.deletedTuples())
          .evidence("hotUpdatedTuples", t.hotUpdatedTuples())
          .evidence("options", String.join(", ", t.options()))
          .remediation("-- look for a tight loop of updates (a counter row, a queue polled and rewritten) first;\n"
              + "-- a lower fillfactor lets more updates be HOT. If the churn is legitimate, vacuum less often:\n"
              + "ALTER TABLE " + q + " SET (autovacuum_vacuum_threshold = 10000);\n"
              + "-- rollback: ALTER TABLE " + q + " RESET (autovacuum_vacuum_threshold);")
          .build());
    }
    return out;
  }
}
