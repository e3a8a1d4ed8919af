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

/** E12: the inner side of a nested loop executed many times. */
@RuleInfo(id = "plan-nested-loop-many-loops", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "The inner side of a nested loop ran thousands of times")
public final class NestedLoopManyLoopsRule extends PlanRule {
  static final Threshold MIN_LOOPS = Threshold.of("minLoops", 1000, "report inner sides executed at least this many times");

  @Override public List<Threshold> thresholds() { return List.of(MIN_LOOPS); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.nodeType().equals("Nested Loop")) continue;
      PlanNode outer = null, inner = null;
      for (PlanNode c : n.children()) {
        if ("Inner".equals(c.parentRelationship())) inner = c;
        else if ("Outer".equals(c.parentRelationship())) outer = c;
      }
      if (inner == null) continue;
      boolean seq = inner.nodeType().endsWith("Seq Scan");
      if (inner.loops() < ctx.value(MIN_LOOPS) && !(seq && inner.loops() > 1)) continue;
      boolean under = outer != null && outer.totalRows() != null && outer.totalRows() >= 10 * Math.max(1, outer.planRows());
      out.add(nodeFinding(ctx, t, inner, "Nested Loop at node " + n.path() + " in " + t.what() + " ran its inner side ("
              + inner.description() + ") " + Fmt.count(inner.loops()) + " times, " + Fmt.count(inner.totalRows()) + " rows in all"
              + (under ? "; the outer side returned " + Fmt.count(outer.totalRows()) + " rows, planned "
                  + Fmt.count(outer.planRows()) : ""))
          .severity(seq ? Severity.HIGH : Severity.MEDIUM)
          .evidence("nestedLoopPath", n.path())
          .evidence("innerLoops", inner.loops())
          .evidence("innerRowsTotal", Fmt.plain(inner.totalRows()))
          .evidence("outerPlanRows", outer == null ? "" : Fmt.plain(outer.planRows()))
          .evidence("outerActualRows", outer == null || outer.totalRows() == null ? "" : Fmt.plain(outer.totalRows()))
          .evidence("threshold", Fmt.plain(ctx.value(MIN_LOOPS)) + " loops")
          .remediation((under ? "-- the outer side was underestimated: fix its estimate first (ANALYZE, extended statistics),\n"
                  + "-- then the planner can pick a hash or merge join by itself.\n" : "")
              + (seq ? "-- the inner side is a sequential scan per outer row: index the join column of "
                  + inner.qualifiedRelation() + ".\n" : "")
              + "-- check the join columns are indexed on the inner table, and compare with:\n"
              + "BEGIN; SET LOCAL enable_nestloop = off; EXPLAIN (ANALYZE, BUFFERS) <the statement>; ROLLBACK;")
          .build());
    }
    return out;
  }
}
