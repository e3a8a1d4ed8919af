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

class HashSpillRuleTest {
  private final RuleTester t = RuleTester.of(new HashSpillRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 16, 18})
  void reportsBatches(int major) {
    assertThat(t.findings(with("pg" + major + "-hash-batches.json"))).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("Hash Join > Hash", "batches", "peak memory"));
  }

  @Test
  void aSingleBatchDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var one = edited("pg17-hash-batches.json", top -> node(top, "0.0.1").put("Hash Batches", 1));
    assertThat(t.findings(snap().plan(plan("one", one)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
