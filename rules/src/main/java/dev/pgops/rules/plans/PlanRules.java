package dev.pgops.rules.plans;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in plans rules (Performance area), one per line, alphabetical by class name. */
public final class PlanRules {
  private PlanRules() {}

  public static final List<Rule> ALL = List.of();
}
