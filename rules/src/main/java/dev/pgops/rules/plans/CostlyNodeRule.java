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

/** E03: the only ranking a plan without ANALYZE allows: exclusive cost share. */
@RuleInfo(id = "plan-costly-node", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.INFO,
    summary = "One plan node carries most of the estimated cost of a plan without ANALYZE")
public final class CostlyNodeRule extends PlanRule {
  static final Threshold MIN_SHARE = Threshold.of("minShare", 0.4, "report nodes whose exclusive cost is at least this share of the plan's total cost");
  static final Threshold MIN_COST = Threshold.of("minCost", 1000, "ignore plans whose total cost is below this");

  @Override public List<Threshold> thresholds() { return List.of(MIN_SHARE, MIN_COST); }
  @Override Set<Need> needs() { return EnumSet.noneOf(Need.class); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    ExplainPlan p = t.plan();
    double total = p.maxTotalCost();
    if (p.analyzed() || total < ctx.value(MIN_COST)) return List.of(); // with ANALYZE, plan-slow-node ranks by time
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : p.nodes()) {
      double share = n.exclusiveCost() / total;
      if (share < ctx.value(MIN_SHARE)) continue;
      out.add(nodeFinding(ctx, t, n, at(n) + " carries " + Fmt.pct(share) + " of the estimated cost of " + t.what()
              + " (" + Fmt.num(n.exclusiveCost()) + " of " + Fmt.num(total) + "; estimate only, not measured)")
          .evidence("exclusiveCost", Fmt.num(n.exclusiveCost()))
          .evidence("totalCost", Fmt.num(total))
          .evidence("share", Fmt.pct(share))
          .evidence("planRows", Fmt.plain(n.planRows()))
          .evidence("threshold", Fmt.pct(ctx.value(MIN_SHARE)))
          .remediation("-- costs are estimates: confirm where the time really goes on a staging copy with\n"
              + "EXPLAIN (ANALYZE, BUFFERS) <the statement with representative values>;")
          .build());
    }
    return out;
  }
}
