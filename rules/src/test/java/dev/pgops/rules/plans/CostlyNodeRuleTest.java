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

class CostlyNodeRuleTest {
  private final RuleTester t = RuleTester.of(new CostlyNodeRule());

  @Test
  void ranksNodesByExclusiveCostWithoutAnalyze() {
    var f = t.findings(with("pg17-seq-scan-selective-generic.json"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("node 0 (Seq Scan on public.orders)", "estimate only");
    });
  }

  @Test
  void analyzedAndCheapPlansAreLeftToTimeRanking() {
    assertThat(t.findings(with("pg17-seq-scan-selective.json"))).isEmpty();
    assertThat(t.findings(with("pg17-clean-pk-lookup-plain.json", "pg17-clean-pk-lookup-generic.json"))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
