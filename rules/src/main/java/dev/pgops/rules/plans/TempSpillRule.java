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

/** E09: temp files written by the plan as a whole (exclusive Temp Written Blocks per node). */
@RuleInfo(id = "plan-temp-spill", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "The plan wrote temporary files")
public final class TempSpillRule extends PlanRule {
  static final Threshold HIGH_MB = Threshold.of("highMb", 128, "medium severity from this much temp written (MB)");

  @Override public List<Threshold> thresholds() { return List.of(HIGH_MB); }
  @Override Set<Need> needs() { return EnumSet.of(Need.ANALYZE, Need.BUFFERS); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    long total = 0;
    PlanNode top = null;
    long topBlocks = 0;
    for (PlanNode n : executed(t.plan())) {
      long w = n.exclusiveBuffers().tempWritten();
      total += w;
      if (w > topBlocks) { topBlocks = w; top = n; }
    }
    if (total == 0) return List.of();
    double totalKb = total * 8.0;
    return List.of(nodeFinding(ctx, t, top, t.what() + " wrote " + kb(totalKb) + " of temporary files; most at "
            + at(top) + " (" + kb(topBlocks * 8.0) + ")")
        .severity(totalKb >= ctx.value(HIGH_MB) * 1024 ? Severity.MEDIUM : Severity.LOW)
        .evidence("tempWrittenBlocks", total)
        .evidence("tempWritten", kb(totalKb))
        .evidence("threshold", Fmt.plain(ctx.value(HIGH_MB)) + " MB")
        .remediation(workMemFix(topBlocks * 8.0, "the spilling node")
            + "\n-- log what spills server-wide: ALTER SYSTEM SET log_temp_files = '10MB'; SELECT pg_reload_conf();")
        .build());
  }
}
