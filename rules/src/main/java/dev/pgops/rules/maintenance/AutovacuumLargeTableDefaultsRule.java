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
import java.util.Locale;

@RuleInfo(id = "autovacuum-large-table-defaults", area = Area.MAINTENANCE, checklist = "MNT-3", severity = Severity.LOW,
    summary = "Large table relies on the global autovacuum scale factor, so vacuum waits for millions of dead rows")
public final class AutovacuumLargeTableDefaultsRule implements Rule {
  static final Threshold MIN_ROWS = Threshold.of("minRows", 1_000_000, "only tables with more estimated rows than this");
  static final Threshold MIN_GLOBAL_SCALE = Threshold.of("minGlobalScaleFactor", 0.1,
      "only when the global autovacuum_vacuum_scale_factor is at least this");
  static final Threshold SUGGESTED_SCALE = Threshold.of("suggestedScaleFactor", 0.01,
      "the per-table autovacuum_vacuum_scale_factor to suggest");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_ROWS, MIN_GLOBAL_SCALE, SUGGESTED_SCALE);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    Maint.Num scale = Maint.setting(s, "autovacuum_vacuum_scale_factor", 0.2);
    Maint.Num threshold = Maint.setting(s, "autovacuum_vacuum_threshold", 50);
    // PostgreSQL 18+: autovacuum_vacuum_max_threshold caps the trigger (-1 disables the cap).
    Maint.Num maxThreshold = Maint.setting(s, "autovacuum_vacuum_max_threshold", -1);
    double minRows = ctx.value(MIN_ROWS);
    double suggested = ctx.value(SUGGESTED_SCALE);
    if (scale.value() < ctx.value(MIN_GLOBAL_SCALE)) return List.of();
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (!Maint.hasStorage(t) || t.estimatedRows() <= minRows) continue;
      if (t.option("autovacuum_vacuum_scale_factor") != null || t.option("autovacuum_vacuum_threshold") != null
          || t.option("autovacuum_vacuum_max_threshold") != null || SettingValues.isFalse(t.option("autovacuum_enabled"))) {
        continue;
      }
      double rows = t.estimatedRows();
      double trigger = cap(threshold.value() + scale.value() * rows, maxThreshold.value());
      double after = cap(threshold.value() + suggested * rows, maxThreshold.value());
      String q = Sql.qualified(t.schema(), t.name());
      String sf = String.format(Locale.ROOT, "%s", suggested);
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": " + Fmt.count(rows) + " rows use the global autovacuum_vacuum_scale_factor "
                  + scale.value() + ", so autovacuum waits for about " + Fmt.count(trigger) + " dead tuples")
          .evidence("estimatedRows", t.estimatedRows())
          .evidence("autovacuum_vacuum_scale_factor", scale.value() + " (" + scale.source() + ")")
          .evidence("autovacuum_vacuum_threshold", Fmt.plain(threshold.value()) + " (" + threshold.source() + ")")
          .evidence("autovacuum_vacuum_max_threshold", maxThreshold.fromServer() ? Fmt.plain(maxThreshold.value())
              : "none (PostgreSQL 17 or older, or not collected)")
          .evidence("deadTuplesToTrigger", Fmt.plain(Math.round(trigger)))
          .evidence("deadTuplesToTriggerAfterFix", Fmt.plain(Math.round(after)))
          .evidence("deadTuples", t.deadTuples())
          .evidence("minRows", Fmt.plain(minRows))
          .remediation("ALTER TABLE " + q + " SET (autovacuum_vacuum_scale_factor = " + sf + ");\n"
              + "-- autovacuum then starts after about " + Fmt.count(after) + " dead tuples instead of "
              + Fmt.count(trigger) + "\n"
              + "-- for insert-mostly tables (PG13+) consider autovacuum_vacuum_insert_scale_factor as well\n"
              + "-- rollback: ALTER TABLE " + q + " RESET (autovacuum_vacuum_scale_factor);")
          .build());
    }
    return out;
  }

  private static double cap(double trigger, double max) {
    return max >= 0 ? Math.min(trigger, max) : trigger;
  }
}
