package dev.pgops.rules.configuration;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Configuration rules, one per line, alphabetical by class name. */
public final class ConfigurationRules {
  private ConfigurationRules() {}

  public static final List<Rule> ALL = List.of(
      new DataChecksumsRule(),
      new ExtensionOutdatedRule(),
      new LoggingGapsRule(),
      new MemorySettingsRule(),
      new PendingRestartRule(),
      new SafetyTimeoutsUnsetRule(),
      new TrackIoTimingOffRule(),
      new UnsafeDurabilitySettingRule(),
      new UnsupportedVersionRule());
}
