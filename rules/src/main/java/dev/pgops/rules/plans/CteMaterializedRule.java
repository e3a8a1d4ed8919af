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

/** E19: a materialised CTE whose scan then discards most of its rows (predicates are not pushed down). */
@RuleInfo(id = "plan-cte-materialized", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "A materialised CTE computes rows that its CTE Scan then filters away")
public final class CteMaterializedRule extends PlanRule {
  static final Threshold MIN_REMOVED_SHARE = Threshold.of("minRemovedShare", 0.9, "report when the CTE Scan filter discards at least this share of the CTE's rows");
  static final Threshold MIN_REMOVED_ROWS = Threshold.of("minRemovedRows", 1000, "ignore CTE scans discarding fewer rows than this");

  @Override public List<Threshold> thresholds() { return List.of(MIN_REMOVED_SHARE, MIN_REMOVED_ROWS); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.nodeType().equals("CTE Scan")) continue;
      double removed = n.totalRowsRemovedByFilter();
      double all = removed + n.totalRows();
      if (removed < ctx.value(MIN_REMOVED_ROWS) || removed / all < ctx.value(MIN_REMOVED_SHARE)) continue;
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " kept " + Fmt.count(n.totalRows()) + " of the "
              + Fmt.count(all) + " rows CTE " + n.cteName() + " materialised (Filter " + n.filter() + ")")
          .evidence("cte", n.cteName())
          .evidence("filter", n.filter())
          .evidence("rowsRemoved", Fmt.plain(removed))
          .evidence("rowsKept", Fmt.plain(n.totalRows()))
          .evidence("threshold", Fmt.pct(ctx.value(MIN_REMOVED_SHARE)))
          .remediation("-- let the planner push the filter into the CTE (PG12+ inlines a CTE referenced once unless told not to):\n"
              + "WITH " + n.cteName() + " AS NOT MATERIALIZED (…) SELECT …;\n-- or move the filter into the CTE's own WHERE clause.")
          .build());
    }
    return out;
  }
}
