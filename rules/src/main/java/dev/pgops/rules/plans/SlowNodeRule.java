package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
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

/** E02: a node taking most of the execution time (exclusive time). */
@RuleInfo(id = "plan-slow-node", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "One plan node takes most of the statement's execution time")
public final class SlowNodeRule extends PlanRule {
  static final Threshold MIN_SHARE = Threshold.of("minShare", 0.4, "report nodes whose exclusive time is at least this share of the runtime");
  static final Threshold HIGH_SHARE = Threshold.of("highShare", 0.9, "medium severity from this share");
  static final Threshold MIN_RUNTIME_MS = Threshold.of("minRuntimeMs", 10, "ignore plans that ran faster than this (ms)");

  @Override public List<Threshold> thresholds() { return List.of(MIN_SHARE, HIGH_SHARE, MIN_RUNTIME_MS); }
  @Override Set<Need> needs() { return EnumSet.of(Need.ANALYZE, Need.TIMING); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    Double runtime = t.plan().runtimeMs();
    if (runtime == null || runtime < ctx.value(MIN_RUNTIME_MS)) return List.of();
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      Double ex = n.exclusiveTimeMs();
      if (ex == null) continue;
      double share = ex / runtime;
      if (share < ctx.value(MIN_SHARE)) continue;
      out.add(nodeFinding(ctx, t, n, at(n) + " takes " + Fmt.pct(share) + " of " + t.what() + " (" + ms(ex)
              + " of " + ms(runtime) + ", " + n.loops() + " loop(s))")
          .severity(share >= ctx.value(HIGH_SHARE) ? Severity.MEDIUM : Severity.LOW)
          .evidence("exclusiveTimeMs", Fmt.num(ex))
          .evidence("runtimeMs", Fmt.num(runtime))
          .evidence("share", Fmt.pct(share))
          .evidence("loops", n.loops())
          .evidence("threshold", Fmt.pct(ctx.value(MIN_SHARE)))
          .remediation("-- this node is where the time goes: check the other plan findings on node " + n.path()
              + " (spills, filters, misestimates) first.\n-- Re-run with EXPLAIN (ANALYZE, BUFFERS) to see whether it reads or waits.")
          .build());
    }
    return out;
  }
}
