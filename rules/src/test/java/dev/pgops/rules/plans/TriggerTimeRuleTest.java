package dev.pgops.rules.plans;

import static dev.pgops.rules.plans.PlanFixtures.clean;
import static dev.pgops.rules.plans.PlanFixtures.edited;
import static dev.pgops.rules.plans.PlanFixtures.node;
import static dev.pgops.rules.plans.PlanFixtures.plan;
import static dev.pgops.rules.plans.PlanFixtures.with;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerTimeRuleTest {
  private final RuleTester t = RuleTester.of(new TriggerTimeRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsTheSlowTrigger(int major) {
    assertThat(t.findings(with("pg" + major + "-trigger-time.json"))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("most in audited_slow on audited", "200 calls");
      assertThat(x.remediation()).contains("statement-level");
    });
  }

  @Test
  void cheapTriggersDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var cheap = edited("pg17-trigger-time.json", top -> ((com.fasterxml.jackson.databind.node.ObjectNode) top.get("Triggers").get(0)).put("Time", 9.0));
    assertThat(t.findings(snap().plan(plan("cheap", cheap)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
