package dev.pgops.rules;

import java.util.List;

/**
 * What every rule class is: a snapshot {@link Rule} or a migration rule ({@code dev.pgops.review.MigrationRule}),
 * described by {@link RuleInfo} and a side-car doc.
 */
public interface RuleImplementation {
  /** The thresholds this rule reads; {@code pgops.yaml} may override only these. */
  default List<Threshold> thresholds() {
    return List.of();
  }
}
