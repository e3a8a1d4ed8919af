package dev.pgops.rules.maintenance;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Maintenance rules, one per line, alphabetical by class name. */
public final class MaintenanceRules {
  private MaintenanceRules() {}

  public static final List<Rule> ALL = List.of(
      new AnalyzeStaleRule(),
      new AutovacuumDisabledRule(),
      new AutovacuumDisabledTableRule(),
      new AutovacuumLargeTableDefaultsRule(),
      new AutovacuumTooFrequentRule(),
      new DeadTupleRatioRule(),
      new MxidWraparoundRule(),
      new NeverAnalyzedRule(),
      new PreparedTransactionOldRule(),
      new VacuumStaleRule(),
      new XidWraparoundDatabaseRule(),
      new XidWraparoundTableRule(),
      new XminHorizonHeldRule());
}
