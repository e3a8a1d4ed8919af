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

/** E07: a hash table split into batches (spilled to temp files). */
@RuleInfo(id = "plan-hash-spill", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "A hash join's hash table did not fit in memory and ran in several batches")
public final class HashSpillRule extends PlanRule {
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      Double batches = n.hashBatches();
      if (batches == null || batches <= 1) continue;
      Double orig = n.originalHashBatches();
      boolean grew = orig != null && batches > orig;
      double peak = n.peakMemoryKb() == null ? 0 : n.peakMemoryKb();
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " ran in " + Fmt.plain(batches) + " batches"
              + (grew ? " (planned " + Fmt.plain(orig) + ": the input was underestimated)" : "")
              + ", peak memory " + kb(peak) + " per batch")
          .evidence("hashBatches", Fmt.plain(batches))
          .evidence("originalHashBatches", orig == null ? "" : Fmt.plain(orig))
          .evidence("peakMemoryKb", Fmt.plain(peak))
          .evidence("workMem", t.plan().settings().getOrDefault("work_mem", "server default"))
          .remediation(workMemFix(peak * batches, "this hash join")
              + "\n-- or raise hash_mem_multiplier (PG13+) for hash tables only: SET LOCAL hash_mem_multiplier = 4;")
          .build());
    }
    return out;
  }
}
