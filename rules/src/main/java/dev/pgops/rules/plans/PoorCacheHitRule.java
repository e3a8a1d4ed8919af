package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.plan.Buffers;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.plan.PlanNode;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** E13: the plan read most of its blocks from outside shared buffers. */
@RuleInfo(id = "plan-poor-cache-hit", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "The plan read most of its blocks from disk or the OS cache instead of shared buffers")
public final class PoorCacheHitRule extends PlanRule {
  static final Threshold MIN_HIT_RATIO = Threshold.of("minHitRatio", 0.9, "report plans whose shared-buffer hit ratio is below this");
  static final Threshold MIN_READ_BLOCKS = Threshold.of("minReadBlocks", 1000, "ignore plans that read fewer blocks than this");

  @Override public List<Threshold> thresholds() { return List.of(MIN_HIT_RATIO, MIN_READ_BLOCKS); }
  @Override Set<Need> needs() { return EnumSet.of(Need.ANALYZE, Need.BUFFERS); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    Buffers root = t.plan().root().buffers();
    Double ratio = root.sharedHitRatio();
    if (ratio == null || ratio >= ctx.value(MIN_HIT_RATIO) || root.sharedRead() < ctx.value(MIN_READ_BLOCKS)) return List.of();
    PlanNode top = t.plan().root();
    long topRead = -1;
    for (PlanNode n : executed(t.plan())) {
      long r = n.exclusiveBuffers().sharedRead();
      if (r > topRead) { topRead = r; top = n; }
    }
    Double readMs = root.ioReadMs();
    Double runtime = t.plan().runtimeMs();
    String io = readMs != null && runtime != null && runtime > 0
        ? "; reads took " + ms(readMs) + " (" + Fmt.pct(readMs / runtime) + " of the runtime)" : "";
    return List.of(nodeFinding(ctx, t, top, t.what() + " found only " + Fmt.pctDown(ratio) + " of its blocks in shared buffers ("
            + Fmt.count(root.sharedRead()) + " read, " + Fmt.count(root.sharedHit()) + " hit); most reads at " + at(top) + io)
        .evidence("sharedHit", root.sharedHit())
        .evidence("sharedRead", root.sharedRead())
        .evidence("hitRatio", Fmt.pctDown(ratio))
        .evidence("ioReadMs", readMs == null ? "track_io_timing off" : Fmt.num(readMs))
        .evidence("threshold", Fmt.pct(ctx.value(MIN_HIT_RATIO)))
        .remediation("-- one cold run skews this: run the statement twice and compare the second run.\n"
            + "-- If it stays low, the working set does not fit: reduce what the plan reads (see the other findings on node "
            + top.path() + ") or review shared_buffers.")
        .build());
  }
}
