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

class WorkersNotLaunchedRuleTest {
  private final RuleTester t = RuleTester.of(new WorkersNotLaunchedRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsMissingWorkers(int major) {
    assertThat(t.findings(with("pg" + major + "-workers-not-launched.json"))).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("launched 0 of 2 planned workers"));
  }

  @Test
  void allWorkersLaunchedDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    assertThat(t.findings(with("pg17-gather.json"))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
