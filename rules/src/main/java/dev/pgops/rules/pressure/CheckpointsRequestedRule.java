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

@RuleInfo(id = "checkpoints-requested", area = Area.PERFORMANCE, checklist = "PRF-11", severity = Severity.MEDIUM,
    summary = "Many checkpoints are forced by WAL volume rather than by the timer")
public final class CheckpointsRequestedRule implements Rule {
  static final Threshold WARN_PERCENT = Threshold.of("warnPercent", 10, "report above this share of requested checkpoints (%)");
  static final Threshold MIN_CHECKPOINTS = Threshold.of("minCheckpoints", 10, "ignore fewer checkpoints than this");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PERCENT, MIN_CHECKPOINTS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    InstancePressure.Checkpoints c = ctx.require(s.pressure(), "instance pressure").checkpoints();
    if (c == null) throw ctx.notEvaluated("checkpoint statistics not collected");
    long all = c.timed() + c.requested();
    if (all < ctx.value(MIN_CHECKPOINTS) || all == 0) return List.of();
    double share = (double) c.requested() / all;
    if (share <= ctx.value(WARN_PERCENT) / 100) return List.of();
    String maxWal = Pressure.shown(s, "max_wal_size");
    long maxWalBytes = SettingValues.bytes(s, "max_wal_size").orElse(0);
    String suggested = maxWalBytes > 0 ? (maxWalBytes * 2 / Bytes.MB) + "MB" : "4GB";
    String current = maxWalBytes > 0 ? (maxWalBytes / Bytes.MB) + "MB" : "1GB";
    return List.of(ctx.finding(Location.object("setting", null, "max_wal_size"),
            Fmt.pctDown(share) + " of checkpoints were requested (" + Fmt.count(c.requested()) + " of " + Fmt.count(all)
                + ") rather than timed: WAL fills max_wal_size (" + maxWal + ") before checkpoint_timeout ("
                + Pressure.shown(s, "checkpoint_timeout") + ")")
        .severity(Severity.MEDIUM)
        .evidence("requested", c.requested())
        .evidence("timed", c.timed())
        .evidence("share", Fmt.pctDown(share))
        .evidence("max_wal_size", maxWal)
        .evidence("checkpoint_timeout", Pressure.shown(s, "checkpoint_timeout"))
        .evidence("statsReset", Fmt.when(c.statsReset()))
        .evidence("threshold", "> " + Fmt.plain(ctx.value(WARN_PERCENT)) + " % requested, >= "
            + Fmt.plain(ctx.value(MIN_CHECKPOINTS)) + " checkpoints")
        .remediation("-- size max_wal_size to hold the WAL of one checkpoint_timeout at peak (pg_stat_wal.wal_bytes\n"
            + "-- per hour helps); it needs only a reload, and costs disk in pg_wal and crash-recovery time:\n"
            + "ALTER SYSTEM SET max_wal_size = '" + suggested + "';\nSELECT pg_reload_conf();\n"
            + "-- rollback:\nALTER SYSTEM SET max_wal_size = '" + current
            + "';\nSELECT pg_reload_conf();\n"
            + "-- manual CHECKPOINT, base backups and CREATE DATABASE also count as requested: rule them out first.")
        .build());
  }
}
