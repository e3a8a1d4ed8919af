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

class RowMisestimateRuleTest {
  private final RuleTester t = RuleTester.of(new RowMisestimateRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsTheScanWhereTheMisestimateStarts(int major) {
    var f = t.findings(with("pg" + major + "-misestimate.json"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.location()).isEqualTo(Location.object("statement", null, "pg" + major + "-misestimate.json"));
      assertThat(x.message()).contains("Rows underestimated", "node 0.0 (Aggregate > Seq Scan on public.orders)", "planned 1 rows");
      assertThat(x.evidence()).containsEntry("nodePath", "0.0").containsEntry("relation", "public.orders").containsEntry("actualRows", "2000");
      assertThat(x.remediation()).contains("ANALYZE public.orders", "CREATE STATISTICS", "ON city, zip, region FROM public.orders");
    });
  }

  @Test
  void cleanPlansAndEstimatesJustBelowTheFactorDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    // 99x: planned 20, got 1980
    var near = edited("pg17-misestimate.json", top -> { node(top, "0.0").put("Plan Rows", 20); node(top, "0.0").put("Actual Rows", 1980); });
    assertThat(t.findings(snap().plan(plan("near", near)))).isEmpty();
  }

  @Test
  void skipsChildrenOfLimitAndNeverExecutedNodes() {
    var limited = edited("pg17-misestimate.json", top -> top.with("Plan").put("Node Type", "Limit"));
    assertThat(t.findings(snap().plan(plan("limit", limited)))).isEmpty();
    var never = edited("pg17-misestimate.json", top -> node(top, "0.0").put("Actual Loops", 0));
    assertThat(t.findings(snap().plan(plan("never", never)))).isEmpty();
    assertThat(t.findings(with("pg17-misestimate-plain.json"))).as("no ANALYZE, nothing to compare").isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
