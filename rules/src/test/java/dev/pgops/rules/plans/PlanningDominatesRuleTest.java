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

class PlanningDominatesRuleTest {
  private final RuleTester t = RuleTester.of(new PlanningDominatesRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsPlanningOverTwoHundredPartitions(int major) {
    assertThat(t.findings(with("pg" + major + "-planning-heavy.json"))).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("Planning statement pg" + major + "-planning-heavy.json took", "plan nodes"));
  }

  @Test
  void shortPlanningDoesNotFire() {
    // the clean lookups plan for about 2 ms against 0.4 ms of execution: below the 5 ms floor
    assertThat(t.findings(clean())).isEmpty();
    var below = edited("pg17-planning-heavy.json", top -> top.put("Planning Time", 4.99));
    assertThat(t.findings(snap().plan(plan("below", below)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
