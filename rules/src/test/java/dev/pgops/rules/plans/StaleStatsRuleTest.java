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

class StaleStatsRuleTest {
  private final RuleTester t = RuleTester.of(new StaleStatsRule());

  @Test
  void reportsAMisestimatedScanOnAStaleTable() {
    var f = t.findings(with("pg17-misestimate.json").table("public.orders", x -> { x.liveTuples = 200000; x.modsSinceAnalyze = 50000; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("public.orders 50 k rows (25 %) changed since its last analyze");
      assertThat(x.remediation()).startsWith("ANALYZE public.orders;");
    });
    var never = t.findings(with("pg17-misestimate.json").table("public.orders", x -> { x.lastAutoanalyze = null; }));
    assertThat(never).singleElement().satisfies(x -> assertThat(x.message()).contains("has never been analyzed"));
  }

  @Test
  void freshStatisticsDoNotFire() {
    assertThat(t.findings(clean().table("public.orders", x -> x.modsSinceAnalyze = 1_000_000))).isEmpty();
    assertThat(t.findings(with("pg17-misestimate.json").table("public.orders", x -> { x.liveTuples = 200000; x.modsSinceAnalyze = 19999; }))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    RuleResult r = t.result(with("pg17-misestimate.json").unavailable("tables", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("permission denied");
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
