package dev.pgops.rules.pressure;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in pressure rules (Performance area), one per line, alphabetical by class name. */
public final class PressureRules {
  private PressureRules() {}

  public static final List<Rule> ALL = List.of(
      new BackendBufferWritesRule(),
      new CheckpointIntervalShortRule(),
      new CheckpointSyncSlowRule(),
      new CheckpointsRequestedRule(),
      new WalBuffersFullRule());
}
