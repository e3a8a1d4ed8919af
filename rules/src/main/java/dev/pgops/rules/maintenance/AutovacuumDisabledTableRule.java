package dev.pgops.rules.maintenance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "autovacuum-disabled-table", area = Area.MAINTENANCE, checklist = "MNT-3", severity = Severity.MEDIUM,
    summary = "Autovacuum is disabled on a table through its storage parameters")
public final class AutovacuumDisabledTableRule implements Rule {
  static final Threshold HIGH_ROWS = Threshold.of("highRows", 1_000_000, "high when the table has more rows than this");
  static final Threshold HIGH_DEAD_RATIO = Threshold.of("highDeadRatio", 0.2,
      "high when dead tuples exceed this share of all tuples");
  static final Threshold MIN_TUPLES = Threshold.of("minTuples", 10_000,
      "the dead share escalates only tables with at least this many live + dead tuples");

  @Override
  public List<Threshold> thresholds() {
    return List.of(HIGH_ROWS, HIGH_DEAD_RATIO, MIN_TUPLES);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    double highRows = ctx.value(HIGH_ROWS);
    double highDead = ctx.value(HIGH_DEAD_RATIO);
    double minTuples = ctx.value(MIN_TUPLES);
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (!Maint.hasStorage(t)) continue;
      boolean heap = SettingValues.isFalse(t.option("autovacuum_enabled"));
      boolean toast = SettingValues.isFalse(t.option("toast.autovacuum_enabled"));
      if (!heap && !toast) continue;
      long rows = Math.max(t.estimatedRows(), t.liveTuples());
      long all = t.liveTuples() + t.deadTuples();
      double dead = all == 0 ? 0 : (double) t.deadTuples() / all;
      boolean isHigh = rows > highRows || (all >= minTuples && dead > highDead);
      String which = heap && toast ? "autovacuum_enabled=false and toast.autovacuum_enabled=false"
          : heap ? "autovacuum_enabled=false" : "toast.autovacuum_enabled=false";
      String q = Sql.qualified(t.schema(), t.name());
      String reset = heap && toast ? "autovacuum_enabled, toast.autovacuum_enabled"
          : heap ? "autovacuum_enabled" : "toast.autovacuum_enabled";
      String set = heap && toast ? "autovacuum_enabled = false, toast.autovacuum_enabled = false"
          : heap ? "autovacuum_enabled = false" : "toast.autovacuum_enabled = false";
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": " + which + " (" + Fmt.count(rows) + " rows, " + Fmt.pct(dead)
                  + " dead tuples, last vacuum " + Fmt.ago(t.lastVacuumAny(), ctx) + ")")
          .severity(isHigh ? Severity.HIGH : Severity.MEDIUM)
          .evidence("options", String.join(", ", t.options()))
          .evidence("estimatedRows", t.estimatedRows())
          .evidence("deadTuples", t.deadTuples())
          .evidence("deadRatio", Fmt.pct(dead))
          .evidence("highAboveRows", Fmt.plain(highRows))
          .evidence("highAboveDeadRatio", Fmt.pct(highDead))
          .evidence("lastVacuum", Fmt.when(t.lastVacuum()))
          .evidence("lastAutovacuum", Fmt.when(t.lastAutovacuum()))
          .remediation("ALTER TABLE " + q + " RESET (" + reset + ");\n"
              + "-- rollback: ALTER TABLE " + q + " SET (" + set + ");\n"
              + "-- if it was disabled to avoid vacuum load, tune it instead (autovacuum_vacuum_cost_delay,\n"
              + "-- autovacuum_vacuum_scale_factor); anti-wraparound vacuums run on it regardless.")
          .build());
    }
    return out;
  }
}
