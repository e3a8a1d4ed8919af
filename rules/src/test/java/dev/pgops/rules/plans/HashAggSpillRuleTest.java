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

class HashAggSpillRuleTest {
  private final RuleTester t = RuleTester.of(new HashAggSpillRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 15, 17, 18})
  void reportsTheSpilledAggregate(int major) {
    assertThat(t.findings(with("pg" + major + "-hashagg-spill.json"))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("node 0 (HashAggregate)", "to disk in");
      assertThat(x.evidence()).containsKey("diskKb");
    });
  }

  @Test
  void anInMemoryHashAggregateDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    assertThat(t.findings(with("pg17-nested-loop.json"))).as("HashAgg Batches 1, Disk Usage 0").isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
