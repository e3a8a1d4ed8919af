package dev.pgops.rules;

/**
 * A tunable number a rule reads through {@link RuleContext#value(Threshold)}; overridable per rule in
 * {@code pgops.yaml} under {@code rules.<id>.<name>}.
 */
public record Threshold(String name, double defaultValue, String description) {
  public static Threshold of(String name, double defaultValue, String description) {
    return new Threshold(name, defaultValue, description);
  }
}
