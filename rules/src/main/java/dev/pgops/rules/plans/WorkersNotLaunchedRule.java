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

/** E14: Gather launched fewer workers than planned. */
@RuleInfo(id = "plan-workers-not-launched", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "A parallel plan launched fewer workers than planned")
public final class WorkersNotLaunchedRule extends PlanRule {
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.isGather() || n.workersPlanned() == null || n.workersLaunched() == null) continue;
      if (n.workersLaunched() >= n.workersPlanned()) continue;
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " launched " + Fmt.plain(n.workersLaunched()) + " of "
              + Fmt.plain(n.workersPlanned()) + " planned workers: the rest of the work ran in the leader")
          .evidence("workersPlanned", Fmt.plain(n.workersPlanned()))
          .evidence("workersLaunched", Fmt.plain(n.workersLaunched()))
          .evidence("maxParallelWorkers", t.plan().settings().getOrDefault("max_parallel_workers", "server default"))
          .remediation("-- the pool of parallel workers was exhausted (or limited) at run time:\n"
              + "SHOW max_parallel_workers; SHOW max_worker_processes; SHOW max_parallel_workers_per_gather;\n"
              + "-- raise max_parallel_workers (within max_worker_processes) or lower the concurrency of parallel queries.")
          .build());
    }
    return out;
  }
}
