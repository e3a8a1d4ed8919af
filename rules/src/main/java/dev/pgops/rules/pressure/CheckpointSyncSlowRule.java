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

@RuleInfo(id = "checkpoint-sync-slow", area = Area.PERFORMANCE, checklist = "PRF-11", severity = Severity.LOW,
    summary = "Checkpoints spend long in fsync: storage is slow to flush")
public final class CheckpointSyncSlowRule implements Rule {
  static final Threshold WARN_SYNC_MS = Threshold.of("warnSyncMs", 40, "report above this average sync time per checkpoint (ms)");
  static final Threshold MIN_CHECKPOINTS = Threshold.of("minCheckpoints", 10, "ignore fewer checkpoints than this");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_SYNC_MS, MIN_CHECKPOINTS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    InstancePressure.Checkpoints c = ctx.require(s.pressure(), "instance pressure").checkpoints();
    if (c == null) throw ctx.notEvaluated("checkpoint statistics not collected");
    long n = Pressure.checkpoints(c);
    if (n < ctx.value(MIN_CHECKPOINTS) || n == 0) return List.of();
    double perCheckpoint = c.syncTimeMs() / n;
    if (perCheckpoint <= ctx.value(WARN_SYNC_MS)) return List.of();
    return List.of(ctx.finding(Location.server(),
            "Checkpoints spend " + Fmt.num(perCheckpoint) + " ms each in fsync on average (" + Fmt.num(c.syncTimeMs() / 1000)
                + " s over " + Fmt.count(n) + " checkpoints): the storage is slow to flush writes")
        .severity(Severity.LOW)
        .evidence("syncMsPerCheckpoint", Fmt.num(perCheckpoint))
        .evidence("syncTimeMs", Fmt.num(c.syncTimeMs()))
        .evidence("writeTimeMs", Fmt.num(c.writeTimeMs()))
        .evidence("checkpoints", n)
        .evidence("counted", c.done() != null ? "num_done" : "timed + requested")
        .evidence("threshold", "> " + Fmt.plain(ctx.value(WARN_SYNC_MS)) + " ms per checkpoint, >= "
            + Fmt.plain(ctx.value(MIN_CHECKPOINTS)) + " checkpoints")
        .remediation("-- look at the storage: device latency (iostat -x await), a saturated network volume, or a burst\n"
            + "-- of dirty pages the kernel flushes at once. Spread the writes over the checkpoint:\n"
            + "-- checkpoint_completion_target = 0.9 (the default from PG14) and checkpoint_flush_after (256kB on Linux);\n"
            + "-- on cloud volumes, provisioned IOPS/throughput may be exhausted.")
        .build());
  }
}
