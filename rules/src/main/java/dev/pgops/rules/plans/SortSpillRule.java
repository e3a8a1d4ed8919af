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

/** E06: a sort that did not fit in work_mem (depesz Hinter DISK_SORT). */
@RuleInfo(id = "plan-sort-spill", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "A sort spilled to disk because it did not fit in work_mem")
public final class SortSpillRule extends PlanRule {
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      Double disk = n.sortDiskKb();
      if (disk == null || disk <= 0) continue;
      String method = n.sortMethod() == null ? "external" : n.sortMethod();
      String keys = String.join(", ", n.sortKey());
      out.add(nodeFinding(ctx, t, n, n.description() + input(n) + " spilled " + kb(disk) + " to disk (" + method + ") at node "
              + n.path() + " in " + t.what() + (keys.isEmpty() ? "" : "; sort key " + keys))
          .evidence("sortMethod", method)
          .evidence("diskKb", Fmt.plain(Math.round(disk)))
          .evidence("sortKey", keys)
          .evidence("workMem", t.plan().settings().getOrDefault("work_mem", "server default"))
          .remediation(workMemFix(disk, "this sort") + "\n-- or avoid the sort: an index whose column order matches the sort key ("
              + keys + ") lets the planner read rows already ordered.")
          .build());
    }
    return out;
  }

  /** " of public.orders" when the sort's input is a single chain down to one scanned relation. */
  private static String input(PlanNode n) {
    PlanNode c = n;
    while (c.children().size() == 1 && c.qualifiedRelation() == null) c = c.children().get(0);
    return c.qualifiedRelation() == null ? "" : " of " + c.qualifiedRelation();
  }
}
