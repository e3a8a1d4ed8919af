package dev.pgops.rules.statements;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in statements rules (Performance area), one per line, alphabetical by class name. */
public final class StatementRules {
  private StatementRules() {}

  public static final List<Rule> ALL = List.of(
      new PgStatStatementsDeallocRule(),
      new StatementDominantRule(),
      new StatementHighVarianceRule(),
      new StatementPlanningDominatesRule(),
      new StatementPoorCacheHitRule(),
      new StatementSlowMeanRule(),
      new StatementTempSpillRule(),
      new StatementWalHeavyRule(),
      new StatementsWindowShortRule(),
      new TrackIoTimingStatementsRule());
}
