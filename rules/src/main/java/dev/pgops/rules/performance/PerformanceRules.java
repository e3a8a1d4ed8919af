package dev.pgops.rules.performance;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Performance rules, one per line, alphabetical by class name. */
public final class PerformanceRules {
  private PerformanceRules() {}

  public static final List<Rule> ALL = List.of(
      new CacheHitRatioRule(),
      new DeadlocksRule(),
      new DuplicateIndexRule(),
      new FkWithoutIndexRule(),
      new LowValueIndexRule(),
      new PgStatStatementsMissingRule(),
      new RecoveryConflictsRule(),
      new RedundantIndexRule(),
      new RollbackRatioRule(),
      new SeqScanHeavyTableRule(),
      new StatsWindowShortRule(),
      new TableCacheHitRatioRule(),
      new TempFilesHeavyRule(),
      new UnusedIndexRule());
}
