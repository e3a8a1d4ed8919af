package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queries cancelled on a standby because replay needed to remove what they were reading
 * ({@code pg_stat_database.conflicts}, which counts only on standbys).
 */
@RuleInfo(id = "recovery-conflicts", area = Area.PERFORMANCE, checklist = "PRF-6", severity = Severity.INFO,
    summary = "Queries on this standby were cancelled by recovery conflicts")
public final class RecoveryConflictsRule implements Rule {
  static final Threshold WARN_PER_DAY = Threshold.of("warnPerDay", 10, "low above this many cancelled queries per day");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PER_DAY);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<DatabaseStats> dbs = ctx.require(s.databases(), "databases");
    double warn = ctx.value(WARN_PER_DAY);
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats db : dbs) {
      if (db.conflicts() <= 0) continue;
      Optional<Duration> window = StatsWindows.window(db, ctx);
      Double perDay = window.map(w -> db.conflicts() / StatsWindows.days(w)).orElse(null);
      out.add(ctx.finding(Location.object("database", null, db.name()),
              "Database " + db.name() + ": " + db.conflicts() + " queries cancelled by recovery conflicts"
                  + (perDay == null ? " (window unknown)" : " in " + RuleContext.human(window.get()) + " ("
                      + Fmt.num(perDay) + " per day)"))
          .severity(perDay != null && perDay > warn ? Severity.LOW : Severity.INFO)
          .usageBased()
          .evidence("conflicts", db.conflicts())
          .evidence("perDay", perDay == null ? "unknown" : Fmt.num(perDay))
          .evidence("threshold", "low > " + Fmt.plain(warn) + " per day")
          .remediation("-- on the standby: which kind of conflict (snapshot, lock, buffer pin, tablespace, deadlock)?\n"
              + "SELECT * FROM pg_stat_database_conflicts WHERE datname = current_database();\n"
              + "-- snapshot conflicts: let the primary keep rows the standby still reads (costs bloat there)\n"
              + "ALTER SYSTEM SET hot_standby_feedback = on;  SELECT pg_reload_conf();\n"
              + "-- or give long reports more time before cancelling (delays replay):\n"
              + "-- ALTER SYSTEM SET max_standby_streaming_delay = '5min';  SELECT pg_reload_conf();\n"
              + "-- rollback: ALTER SYSTEM RESET hot_standby_feedback; SELECT pg_reload_conf();")
          .build());
    }
    return out;
  }
}
