package dev.pgops.rules.maintenance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "analyze-stale", area = Area.MAINTENANCE, checklist = "MNT-5", severity = Severity.LOW,
    summary = "Table has changed far beyond its autoanalyze trigger since its last analyze")
public final class AnalyzeStaleRule implements Rule {
  static final Threshold FACTOR = Threshold.of("factor", 2, "report when modifications exceed the autoanalyze trigger times this");
  static final Threshold MIN_MODS = Threshold.of("minMods", 10_000, "the trigger counts as at least this many modifications");
  static final Threshold MIN_HOURS = Threshold.of("minHours", 24, "only when the last analyze is older than this (hours)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(FACTOR, MIN_MODS, MIN_HOURS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    Maint.Num threshold = Maint.setting(s, "autovacuum_analyze_threshold", 50);
    Maint.Num scale = Maint.setting(s, "autovacuum_analyze_scale_factor", 0.1);
    double factor = ctx.value(FACTOR);
    double minMods = ctx.value(MIN_MODS);
    Duration minAge = Duration.ofMinutes(Math.round(ctx.value(MIN_HOURS) * 60));
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      Instant last = t.lastAnalyzeAny();
      // Never analyzed is never-analyzed's finding; partitioned parents have no modification counter of their own.
      if (!Maint.hasStorage(t) || last == null) continue;
      if (Duration.between(last, ctx.now()).compareTo(minAge) <= 0) continue;
      Double th = Maint.option(t, "autovacuum_analyze_threshold");
      Double sf = Maint.option(t, "autovacuum_analyze_scale_factor");
      double rows = Math.max(0, t.estimatedRows());
      double trigger = (th != null ? th : threshold.value()) + (sf != null ? sf : scale.value()) * rows;
      double limit = Math.max(trigger, minMods) * factor;
      if (t.modsSinceAnalyze() <= limit) continue;
      String q = Sql.qualified(t.schema(), t.name());
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": " + Fmt.count(t.modsSinceAnalyze()) + " rows modified since the last analyze "
                  + Fmt.ago(last, ctx) + " (autoanalyze triggers at about " + Fmt.count(trigger) + ")")
          .evidence("modsSinceAnalyze", t.modsSinceAnalyze())
          .evidence("estimatedRows", t.estimatedRows())
          .evidence("autoanalyzeTrigger", Fmt.plain(Math.round(trigger)))
          .evidence("reportAbove", Fmt.plain(Math.round(limit)))
          .evidence("autovacuum_analyze_threshold", th != null ? Fmt.plain(th) + " (table)"
              : Fmt.plain(threshold.value()) + " (" + threshold.source() + ")")
          .evidence("autovacuum_analyze_scale_factor", sf != null ? sf + " (table)" : scale.value() + " (" + scale.source() + ")")
          .evidence("lastAnalyze", Fmt.when(t.lastAnalyze()))
          .evidence("lastAutoanalyze", Fmt.when(t.lastAutoanalyze()))
          .remediation("ANALYZE " + q + ";\n"
              + "-- autoanalyze is falling behind on it: check autovacuum_enabled on the table, whether workers are busy\n"
              + "-- (autovacuum_max_workers), and analyze after bulk loads in the loading job itself.")
          .build());
    }
    return out;
  }
}
