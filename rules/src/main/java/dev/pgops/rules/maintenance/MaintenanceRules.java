package dev.pgops.rules.maintenance;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Maintenance rules, one per line, alphabetical by class name. */
public final class MaintenanceRules {
  private MaintenanceRules() {}

  public static final List<Rule> ALL = List.of();
}
