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

/** E15: JIT compilation time against the runtime. */
@RuleInfo(id = "plan-jit-overhead", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "JIT compilation took a large share of the statement's runtime")
public final class JitOverheadRule extends PlanRule {
  static final Threshold MIN_SHARE = Threshold.of("minShare", 0.1, "report when JIT time is at least this share of the execution time");
  static final Threshold MIN_MS = Threshold.of("minMs", 10, "ignore JIT times below this (ms)");

  @Override public List<Threshold> thresholds() { return List.of(MIN_SHARE, MIN_MS); }
  @Override Set<Need> needs() { return EnumSet.of(Need.ANALYZE, Need.TIMING); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    ExplainPlan.Jit jit = t.plan().jit();
    Double runtime = t.plan().runtimeMs();
    if (jit == null || jit.totalMs() == null || runtime == null || runtime <= 0) return List.of();
    double share = jit.totalMs() / runtime;
    if (share < ctx.value(MIN_SHARE) || jit.totalMs() < ctx.value(MIN_MS)) return List.of();
    return List.of(planEvidence(ctx.finding(t.location(), "JIT took " + ms(jit.totalMs()) + " of " + ms(runtime) + " ("
            + Fmt.pct(share) + ") in " + t.what() + " for " + jit.functions() + " functions"), t)
        .severity(share >= 0.4 ? Severity.MEDIUM : Severity.LOW)
        .evidence("jitMs", Fmt.num(jit.totalMs()))
        .evidence("runtimeMs", Fmt.num(runtime))
        .evidence("share", Fmt.pct(share))
        .evidence("functions", jit.functions())
        .evidence("threshold", Fmt.pct(ctx.value(MIN_SHARE)))
        .remediation("-- JIT pays off only for long analytical queries; for this workload raise the bar or turn it off:\n"
            + "ALTER ROLE app_user SET jit_above_cost = 500000;  -- or: SET jit = off;")
        .build());
  }
}
