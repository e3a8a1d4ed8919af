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
import java.util.Optional;

@RuleInfo(id = "vacuum-stale", area = Area.MAINTENANCE, checklist = "MNT-4", severity = Severity.MEDIUM,
    summary = "Table with many dead tuples has not been vacuumed for days")
public final class VacuumStaleRule implements Rule {
  static final Threshold WARN_DAYS = Threshold.of("warnDays", 7, "medium when the last vacuum is older than this (days)");
  static final Threshold HIGH_DAYS = Threshold.of("highDays", 25, "high when the last vacuum is older than this (days)");
  static final Threshold WARN_DEAD = Threshold.of("warnDeadTuples", 250_000, "only tables with at least this many dead tuples");
  static final Threshold HIGH_DEAD = Threshold.of("highDeadTuples", 500_000, "high from this many dead tuples");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_DAYS, HIGH_DAYS, WARN_DEAD, HIGH_DEAD);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    double warnDays = ctx.value(WARN_DAYS);
    double highDays = ctx.value(HIGH_DAYS);
    double warnDead = ctx.value(WARN_DEAD);
    double highDead = ctx.value(HIGH_DEAD);
    Optional<Duration> window = ctx.statsWindow();
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (!Maint.hasStorage(t) || t.deadTuples() < warnDead) continue;
      Instant last = t.lastVacuumAny();
      // Vacuum timestamps are cleared with the statistics: "never" means "not within the statistics window".
      Optional<Duration> age = last != null ? Optional.of(Duration.between(last, ctx.now())) : window;
      if (age.isPresent() && days(age.get()) <= warnDays) continue;
      boolean isHigh = t.deadTuples() >= highDead || age.map(a -> days(a) > highDays).orElse(false);
      String since = last != null ? Fmt.ago(last, ctx)
          : "never" + window.map(w -> " (statistics cover " + RuleContext.human(w) + ")").orElse("");
      String q = Sql.qualified(t.schema(), t.name());
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": " + Fmt.count(t.deadTuples()) + " dead tuples, last vacuum " + since)
          .severity(isHigh ? Severity.HIGH : Severity.MEDIUM)
          .evidence("deadTuples", t.deadTuples())
          .evidence("liveTuples", t.liveTuples())
          .evidence("lastVacuum", Fmt.when(t.lastVacuum()))
          .evidence("lastAutovacuum", Fmt.when(t.lastAutovacuum()))
          .evidence("mediumAfter", Fmt.plain(warnDays) + " d with " + Fmt.plain(warnDead) + " dead tuples")
          .evidence("highAfter", Fmt.plain(highDays) + " d or " + Fmt.plain(highDead) + " dead tuples")
          .evidence("options", String.join(", ", t.options()))
          .remediation("VACUUM (VERBOSE, ANALYZE) " + q + ";\n"
              + "-- then find out why autovacuum skipped it: autovacuum_enabled=false, a high scale factor on a big\n"
              + "-- table, workers busy elsewhere (autovacuum_max_workers), or lock conflicts cancelling it\n"
              + "-- (log_autovacuum_min_duration = 0 shows each run).")
          .build());
    }
    return out;
  }

  private static double days(Duration d) {
    return d.getSeconds() / 86400.0;
  }
}
