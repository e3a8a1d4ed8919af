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

class CteMaterializedRuleTest {
  private final RuleTester t = RuleTester.of(new CteMaterializedRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsAFilteredMaterialisedCte(int major) {
    assertThat(t.findings(with("pg" + major + "-cte-materialized.json"))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("CTE Scan on x", "CTE x materialised");
      assertThat(x.remediation()).contains("NOT MATERIALIZED");
    });
  }

  @Test
  void aCteScanKeepingItsRowsDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var kept = edited("pg17-cte-materialized.json", top -> { node(top, "0").put("Actual Rows", 200000); node(top, "0").put("Rows Removed by Filter", 0); });
    assertThat(t.findings(snap().plan(plan("kept", kept)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
