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

class FunctionMisestimateRuleTest {
  private final RuleTester t = RuleTester.of(new FunctionMisestimateRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsTheDefaultRowsEstimate(int major) {
    assertThat(t.findings(with("pg" + major + "-function-scan.json"))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("few_rows() was planned at the default 1000 rows and returned 1");
      assertThat(x.remediation()).contains("ALTER FUNCTION public.few_rows(<argument types>) ROWS 1;");
    });
  }

  @Test
  void anAccurateOrNonDefaultEstimateDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var ok = edited("pg17-function-scan.json", top -> node(top, "0").put("Actual Rows", 101));
    assertThat(t.findings(snap().plan(plan("ok", ok)))).as("9.9x").isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
