package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "temp-files-heavy", area = Area.PERFORMANCE, checklist = "PRF-7", severity = Severity.LOW,
    summary = "Queries spill many gigabytes a day to temporary files")
public final class TempFilesHeavyRule implements Rule {
  static final Threshold WARN_GB_PER_DAY = Threshold.of("warnGbPerDay", 10, "low above this many GB of temp files per day");
  static final Threshold CRIT_GB_PER_DAY = Threshold.of("critGbPerDay", 50, "medium above this many GB of temp files per day");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_GB_PER_DAY, CRIT_GB_PER_DAY);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<DatabaseStats> dbs = ctx.require(s.databases(), "databases");
    double warn = ctx.value(WARN_GB_PER_DAY) * Bytes.GB, crit = ctx.value(CRIT_GB_PER_DAY) * Bytes.GB;
    boolean anyWindow = false;
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats db : dbs) {
      Optional<Duration> window = StatsWindows.window(db, ctx);
      if (window.isEmpty()) continue;
      anyWindow = true;
      double perDay = db.tempBytes() / StatsWindows.days(window.get());
      if (perDay <= warn) continue;
      out.add(ctx.finding(Location.object("database", null, db.name()),
              "Database " + db.name() + ": " + Bytes.human((long) perDay) + " of temporary files per day ("
                  + Bytes.human(db.tempBytes()) + " in " + Fmt.count(db.tempFiles()) + " files over "
                  + RuleContext.human(window.get()) + ")")
          .severity(perDay > crit ? Severity.MEDIUM : Severity.LOW)
          .usageBased()
          .evidence("tempBytes", db.tempBytes())
          .evidence("tempFiles", db.tempFiles())
          .evidence("perDay", Bytes.human((long) perDay))
          .evidence("threshold", "low > " + ctx.value(WARN_GB_PER_DAY) + " GB/day, medium > " + ctx.value(CRIT_GB_PER_DAY) + " GB/day")
          .remediation("-- find the spilling queries (pg_stat_statements temp_blks_written, or log_temp_files):\n"
              + "ALTER SYSTEM SET log_temp_files = '100MB';\nSELECT pg_reload_conf();\n"
              + "-- fix their sorts / hashes, or raise work_mem only for the role that needs it:\n"
              + "-- ALTER ROLE reporting SET work_mem = '256MB';  -- rollback: ALTER ROLE reporting RESET work_mem;")
          .build());
    }
    if (!anyWindow && !dbs.isEmpty()) throw ctx.notEvaluated("statistics window unknown (no stats reset or server start time)");
    return out;
  }
}
