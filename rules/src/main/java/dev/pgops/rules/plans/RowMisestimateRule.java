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

/** E01: actual rows vs estimate per loop, at the node where the misestimate starts. */
@RuleInfo(id = "plan-row-misestimate", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "The planner misestimated the rows of a plan node by 100x or more")
public final class RowMisestimateRule extends PlanRule {
  static final Threshold MIN_FACTOR = Threshold.of("minFactor", 100, "report from this estimate error factor (max/min of actual and planned rows)");
  static final Threshold HIGH_FACTOR = Threshold.of("highFactor", 10000, "high severity from this factor");

  @Override public List<Threshold> thresholds() { return List.of(MIN_FACTOR, HIGH_FACTOR); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    double min = ctx.value(MIN_FACTOR);
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : Misestimates.origins(t.plan(), min)) {
      double f = n.misestimateFactor();
      String dir = n.underestimated() ? "underestimated" : "overestimated";
      out.add(nodeFinding(ctx, t, n, "Rows " + dir + " " + Fmt.num(f) + "x at " + at(n) + " in " + t.what()
              + ": planned " + Fmt.count(n.planRows()) + " rows per loop, got " + Fmt.count(n.actualRows()))
          .severity(f >= ctx.value(HIGH_FACTOR) ? Severity.HIGH : Severity.MEDIUM)
          .evidence("planRows", Fmt.plain(n.planRows()))
          .evidence("actualRows", Fmt.plain(n.actualRows()))
          .evidence("loops", n.loops())
          .evidence("factor", Fmt.num(f))
          .evidence("filter", n.filter() == null ? n.indexCond() : n.filter())
          .evidence("threshold", Fmt.plain(min) + "x")
          .remediation(fix(n))
          .build());
    }
    return out;
  }

  static String fix(PlanNode n) {
    String rel = n.qualifiedRelation();
    if (rel == null) {
      return "-- refresh the statistics of the tables below this node, then re-check the plan:\nANALYZE <table>;";
    }
    List<String> cols = Filters.indexColumns(n.filter());
    String ext = cols.size() >= 2
        ? "\n-- the filter combines " + String.join(", ", cols) + ": if these columns are correlated, teach the planner:\n"
            + "CREATE STATISTICS " + n.relationName() + "_" + String.join("_", cols) + "_stats (dependencies, mcv) ON "
            + String.join(", ", cols) + " FROM " + rel + ";\nANALYZE " + rel + ";"
        : "\n-- if it persists, raise the statistics target of the filtered column(s):\n"
            + "ALTER TABLE " + rel + " ALTER COLUMN <column> SET STATISTICS 1000;\nANALYZE " + rel + ";";
    return "-- first rule out stale statistics:\nANALYZE " + rel + ";" + ext;
  }
}
