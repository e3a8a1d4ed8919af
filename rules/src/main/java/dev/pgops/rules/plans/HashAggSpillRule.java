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

/** E08: a HashAggregate that spilled (PG13+). */
@RuleInfo(id = "plan-hashagg-spill", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "A hash aggregate did not fit in memory and spilled to disk")
public final class HashAggSpillRule extends PlanRule {
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      Double batches = n.hashAggBatches();
      double disk = n.diskUsageKb() == null ? 0 : n.diskUsageKb();
      if ((batches == null || batches <= 1) && disk <= 0) continue;
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " spilled " + kb(disk) + " to disk in "
              + Fmt.plain(batches == null ? 0 : batches) + " batches (group key " + String.join(", ", n.groupKey()) + ")")
          .evidence("hashAggBatches", batches == null ? "" : Fmt.plain(batches))
          .evidence("diskKb", Fmt.plain(disk))
          .evidence("peakMemoryKb", n.peakMemoryKb() == null ? "" : Fmt.plain(n.peakMemoryKb()))
          .evidence("workMem", t.plan().settings().getOrDefault("work_mem", "server default"))
          .remediation(workMemFix(disk, "this aggregate") + "\n-- or raise hash_mem_multiplier for hash nodes only.")
          .build());
    }
    return out;
  }
}
