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

/** E10: a bitmap heap scan whose bitmap went lossy (page-level). */
@RuleInfo(id = "plan-lossy-bitmap", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "A bitmap heap scan went lossy and rechecked every row of the lossy pages")
public final class LossyBitmapRule extends PlanRule {
  static final Threshold HIGH_LOSSY_SHARE = Threshold.of("highLossyShare", 0.1, "medium severity when lossy blocks are at least this share of heap blocks");

  @Override public List<Threshold> thresholds() { return List.of(HIGH_LOSSY_SHARE); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      double lossy = n.lossyHeapBlocks();
      if (lossy <= 0) continue;
      double share = lossy / (lossy + n.exactHeapBlocks());
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " went lossy on " + Fmt.count(lossy) + " heap blocks ("
              + Fmt.pct(share) + "), rechecking and discarding " + Fmt.count(n.totalRowsRemovedByIndexRecheck()) + " rows")
          .severity(share >= ctx.value(HIGH_LOSSY_SHARE) ? Severity.MEDIUM : Severity.LOW)
          .evidence("lossyHeapBlocks", Fmt.plain(lossy))
          .evidence("exactHeapBlocks", Fmt.plain(n.exactHeapBlocks()))
          .evidence("rowsRemovedByIndexRecheck", Fmt.plain(n.totalRowsRemovedByIndexRecheck()))
          .evidence("lossyShare", Fmt.pct(share))
          .evidence("threshold", Fmt.pct(ctx.value(HIGH_LOSSY_SHARE)))
          // exact bitmaps need about 64 bytes per heap page (pganalyze: raise work_mem until blocks are exact)
          .remediation(workMemFix(Math.max(4096, (lossy + n.exactHeapBlocks()) * 64 / 1024.0), "the bitmap"))
          .build());
    }
    return out;
  }
}
