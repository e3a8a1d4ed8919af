package dev.pgops.rules.pressure;

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
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "checkpoint-interval-short", area = Area.PERFORMANCE, checklist = "PRF-11", severity = Severity.LOW,
    summary = "Checkpoints come too close together")
public final class CheckpointIntervalShortRule implements Rule {
  static final Threshold MIN_INTERVAL_MINUTES = Threshold.of("minIntervalMinutes", 10, "report below this average interval between checkpoints (min)");
  static final Threshold MIN_CHECKPOINTS = Threshold.of("minCheckpoints", 10, "ignore fewer checkpoints than this");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_INTERVAL_MINUTES, MIN_CHECKPOINTS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    InstancePressure.Checkpoints c = ctx.require(s.pressure(), "instance pressure").checkpoints();
    if (c == null) throw ctx.notEvaluated("checkpoint statistics not collected");
    var window = Pressure.checkpointWindow(c, ctx)
        .orElseThrow(() -> ctx.notEvaluated("checkpoint statistics reset time unknown, so the interval cannot be computed"));
    long n = Pressure.checkpoints(c);
    if (n < ctx.value(MIN_CHECKPOINTS) || n == 0) return List.of();
    double minutes = window.getSeconds() / 60.0 / n;
    if (minutes >= ctx.value(MIN_INTERVAL_MINUTES)) return List.of();
    String counted = c.done() != null ? "completed checkpoints (num_done)" : "timed + requested checkpoints";
    return List.of(ctx.finding(Location.server(),
            "Checkpoints every " + Fmt.num(minutes) + " min on average (" + Fmt.count(n) + " " + counted + " in "
                + RuleContext.human(window) + "; checkpoint_timeout " + Pressure.shown(s, "checkpoint_timeout")
                + ", max_wal_size " + Pressure.shown(s, "max_wal_size") + ")")
        .severity(Severity.LOW)
        .evidence("intervalMinutes", Fmt.num(minutes))
        .evidence("checkpoints", n)
        .evidence("counted", counted)
        .evidence("window", RuleContext.human(window))
        .evidence("checkpoint_timeout", Pressure.shown(s, "checkpoint_timeout"))
        .evidence("max_wal_size", Pressure.shown(s, "max_wal_size"))
        .evidence("threshold", "< " + Fmt.plain(ctx.value(MIN_INTERVAL_MINUTES)) + " min, >= "
            + Fmt.plain(ctx.value(MIN_CHECKPOINTS)) + " checkpoints")
        .remediation("-- every checkpoint restarts full-page writes, so frequent ones multiply WAL volume and I/O.\n"
            + "-- Lengthen the interval (both need only a reload; longer means longer crash recovery):\n"
            + "ALTER SYSTEM SET checkpoint_timeout = '15min';\n"
            + "-- and if checkpoints-requested also fires, raise max_wal_size (see there)\n"
            + "SELECT pg_reload_conf();\n"
            + "-- rollback:\nALTER SYSTEM RESET checkpoint_timeout;\nSELECT pg_reload_conf();")
        .build());
  }
}
