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

/** E20: a set-returning function planned with the default ROWS 1000. */
@RuleInfo(id = "plan-function-misestimate", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "A function scan was planned with the default estimate of 1000 rows and returned far fewer or more")
public final class FunctionMisestimateRule extends PlanRule {
  static final Threshold MIN_FACTOR = Threshold.of("minFactor", 10, "report from this estimate error factor");

  @Override public List<Threshold> thresholds() { return List.of(MIN_FACTOR); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.nodeType().equals("Function Scan") || n.planRows() != 1000 || !Misestimates.misestimated(n, ctx.value(MIN_FACTOR))) continue;
      String fn = n.functionName() == null ? "<function>" : (n.schema() == null ? "" : n.schema() + ".") + n.functionName();
      long rows = Math.max(1, Math.round(n.actualRows()));
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + ": " + fn + "() was planned at the default 1000 rows and returned "
              + Fmt.count(n.actualRows()) + " (" + Fmt.num(n.misestimateFactor()) + "x)")
          .evidence("function", fn)
          .evidence("planRows", "1000")
          .evidence("actualRows", Fmt.plain(n.actualRows()))
          .evidence("factor", Fmt.num(n.misestimateFactor()))
          .evidence("threshold", Fmt.plain(ctx.value(MIN_FACTOR)) + "x")
          .remediation("-- tell the planner how many rows the function returns (typical value):\nALTER FUNCTION " + fn
              + "(<argument types>) ROWS " + rows + ";")
          .build());
    }
    return out;
  }
}
