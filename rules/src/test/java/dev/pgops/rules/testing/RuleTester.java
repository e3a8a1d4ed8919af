package dev.pgops.rules.testing;

import dev.pgops.findings.Finding;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.RuleEngine;
import dev.pgops.rules.RuleResult;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

/** Runs one rule through the real engine (metadata, config, not-evaluated handling). */
public final class RuleTester {
  private final RuleDescriptor rule;
  private PgopsConfig config = PgopsConfig.defaults();

  private RuleTester(Rule rule) {
    this.rule = RuleDescriptor.of(rule);
  }

  public static RuleTester of(Rule rule) {
    return new RuleTester(rule);
  }

  public RuleTester config(PgopsConfig config) {
    this.config = config;
    return this;
  }

  public RuleResult result(Snap snap) {
    return result(snap.build());
  }

  public RuleResult result(Snapshot s) {
    return new RuleEngine(List.of(rule)).evaluate(s, config).results().get(0);
  }

  /** Findings of an evaluated rule; fails the test if the rule was not evaluated. */
  public List<Finding> findings(Snap snap) {
    RuleResult r = result(snap);
    if (!r.evaluated()) throw new AssertionError(rule.id() + " was not evaluated: " + r.status() + " " + r.reason());
    return r.findings();
  }
}
