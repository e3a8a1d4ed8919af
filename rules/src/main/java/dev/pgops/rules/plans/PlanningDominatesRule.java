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

/** E16: planning time against execution time. */
@RuleInfo(id = "plan-planning-dominates", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "Planning the statement takes as long as executing it")
public final class PlanningDominatesRule extends PlanRule {
  static final Threshold MIN_RATIO = Threshold.of("minRatio", 0.4, "report when planning time is at least this share of execution time");
  static final Threshold MIN_MS = Threshold.of("minMs", 5, "ignore planning times below this (ms)");

  @Override public List<Threshold> thresholds() { return List.of(MIN_RATIO, MIN_MS); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    Double plan = t.plan().planningTimeMs(), exec = t.plan().executionTimeMs();
    if (plan == null || exec == null || plan < ctx.value(MIN_MS)) return List.of();
    double ratio = plan / Math.max(exec, 0.001);
    if (ratio < ctx.value(MIN_RATIO)) return List.of();
    return List.of(planEvidence(ctx.finding(t.location(), "Planning " + t.what() + " took " + ms(plan) + " against "
            + ms(exec) + " of execution (" + Fmt.num(ratio) + "x), over " + t.plan().nodes().size() + " plan nodes"), t)
        .evidence("planningMs", Fmt.num(plan))
        .evidence("executionMs", Fmt.num(exec))
        .evidence("ratio", Fmt.num(ratio))
        .evidence("nodes", t.plan().nodes().size())
        .evidence("threshold", Fmt.plain(ctx.value(MIN_RATIO)) + " x, >= " + Fmt.plain(ctx.value(MIN_MS)) + " ms")
        .remediation("-- prepare the statement once and reuse it (driver-side prepared statements) so the plan is cached;\n"
            + "-- with many partitions, make the partition key part of the WHERE clause so pruning happens at plan time,\n"
            + "-- and keep the number of partitions (and joined tables) moderate.")
        .build());
  }
}
