package dev.pgops.rules.plans;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in plans rules (Performance area), one per line, alphabetical by class name. */
public final class PlanRules {
  private PlanRules() {}

  public static final List<Rule> ALL = List.of(
      new CostlyNodeRule(),
      new CteMaterializedRule(),
      new FunctionMisestimateRule(),
      new HashAggSpillRule(),
      new HashSpillRule(),
      new HeapFetchesRule(),
      new IndexScanFilteringRule(),
      new InsufficientEvidenceRule(),
      new JitOverheadRule(),
      new LossyBitmapRule(),
      new MemoizeThrashRule(),
      new NestedLoopManyLoopsRule(),
      new PlanningDominatesRule(),
      new PoorCacheHitRule(),
      new RowMisestimateRule(),
      new SeqScanSelectiveFilterRule(),
      new SlowNodeRule(),
      new SortSpillRule(),
      new StaleStatsRule(),
      new TempSpillRule(),
      new TriggerTimeRule(),
      new WorkersNotLaunchedRule());
}
