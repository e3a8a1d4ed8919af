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

/** E17: time spent in triggers (DML). */
@RuleInfo(id = "plan-trigger-time", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "Triggers take a large share of a data-modifying statement's time")
public final class TriggerTimeRule extends PlanRule {
  static final Threshold MIN_SHARE = Threshold.of("minShare", 0.4, "report when trigger time is at least this share of execution time");
  static final Threshold MIN_MS = Threshold.of("minMs", 10, "ignore trigger times below this (ms)");

  @Override public List<Threshold> thresholds() { return List.of(MIN_SHARE, MIN_MS); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<ExplainPlan.Trigger> triggers = t.plan().triggers();
    Double exec = t.plan().runtimeMs();
    if (triggers.isEmpty() || exec == null || exec <= 0) return List.of();
    double sum = triggers.stream().mapToDouble(ExplainPlan.Trigger::timeMs).sum();
    double share = sum / exec;
    if (share < ctx.value(MIN_SHARE) || sum < ctx.value(MIN_MS)) return List.of();
    ExplainPlan.Trigger top = triggers.stream().max((a, b) -> Double.compare(a.timeMs(), b.timeMs())).orElseThrow();
    boolean fk = top.name() != null && top.name().startsWith("RI_ConstraintTrigger");
    return List.of(planEvidence(ctx.finding(t.location(), "Triggers took " + ms(sum) + " of " + ms(exec) + " ("
            + Fmt.pct(share) + ") in " + t.what() + "; most in " + top.name() + " on " + top.relation() + " ("
            + ms(top.timeMs()) + ", " + Fmt.count(top.calls()) + " calls)"), t)
        .evidence("triggerMs", Fmt.num(sum))
        .evidence("executionMs", Fmt.num(exec))
        .evidence("share", Fmt.pct(share))
        .evidence("topTrigger", top.name())
        .evidence("topTriggerRelation", top.relation())
        .evidence("threshold", Fmt.pct(ctx.value(MIN_SHARE)))
        .remediation(fk
            ? "-- a foreign-key check: index the referencing column(s) so each check is an index lookup\n"
                + "-- CREATE INDEX CONCURRENTLY ON <referencing table> (<fk columns>);"
            : "-- review what trigger " + top.name() + " on " + top.relation() + " does per row; consider a statement-level\n"
                + "-- trigger with transition tables, or moving the work out of the transaction.")
        .build());
  }
}
