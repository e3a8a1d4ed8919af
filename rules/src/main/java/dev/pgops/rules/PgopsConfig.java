package dev.pgops.rules;

import dev.pgops.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pgops.yaml}: per-rule switches, severity overrides and thresholds, waivers, and the minimum
 * statistics window (days) under which usage-based findings are downgraded.
 */
public record PgopsConfig(Map<String, RuleSettings> rules, List<Waiver> waivers, double statsWindowMinDays) {

  public static final double DEFAULT_STATS_WINDOW_DAYS = 7;

  public PgopsConfig {
    rules = Map.copyOf(rules == null ? Map.of() : rules);
    waivers = List.copyOf(waivers == null ? List.of() : waivers);
  }

  public static PgopsConfig defaults() {
    return new PgopsConfig(Map.of(), List.of(), DEFAULT_STATS_WINDOW_DAYS);
  }

  /** enabled null = default (on); severity null = the rule's own. */
  public record RuleSettings(Boolean enabled, Severity severity, Map<String, Double> thresholds) {
    public RuleSettings {
      thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
    }
  }

  public boolean enabled(String ruleId) {
    RuleSettings s = rules.get(ruleId);
    return s == null || s.enabled() == null || s.enabled();
  }

  public Optional<Severity> severity(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId)).map(RuleSettings::severity);
  }

  public Optional<Double> threshold(String ruleId, String name) {
    return Optional.ofNullable(rules.get(ruleId)).map(s -> s.thresholds().get(name));
  }
}
