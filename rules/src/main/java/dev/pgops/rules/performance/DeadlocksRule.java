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
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "deadlocks", area = Area.PERFORMANCE, checklist = "PRF-6", severity = Severity.INFO,
    summary = "Database has had deadlocks")
public final class DeadlocksRule implements Rule {
  static final Threshold WARN_PER_DAY = Threshold.of("warnPerDay", 10, "low above this many deadlocks per day");

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
      if (db.deadlocks() <= 0) continue;
      Optional<Duration> window = StatsWindows.window(db, ctx);
      Double perDay = window.map(w -> db.deadlocks() / StatsWindows.days(w)).orElse(null);
      out.add(ctx.finding(Location.object("database", null, db.name()),
              "Database " + db.name() + ": " + db.deadlocks() + " deadlocks"
                  + (perDay == null ? " (window unknown)" : " in " + RuleContext.human(window.get()) + " ("
                      + Fmt.num(perDay) + " per day)"))
          .severity(perDay != null && perDay > warn ? Severity.LOW : Severity.INFO)
          .usageBased()
          .evidence("deadlocks", db.deadlocks())
          .evidence("perDay", perDay == null ? "unknown" : Fmt.num(perDay))
          .evidence("threshold", "low > " + warn + " per day")
          .remediation("-- log them with the statements involved:\n"
              + "ALTER SYSTEM SET log_lock_waits = on;\nSELECT pg_reload_conf();\n"
              + "-- rollback: ALTER SYSTEM RESET log_lock_waits; SELECT pg_reload_conf();\n"
              + "-- then make transactions take row locks in one consistent order (e.g. ORDER BY id FOR UPDATE)"
              + " in " + Sql.ident(db.name()))
          .build());
    }
    return out;
  }
}
