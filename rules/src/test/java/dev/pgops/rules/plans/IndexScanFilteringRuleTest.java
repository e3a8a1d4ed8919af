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

class IndexScanFilteringRuleTest {
  private final RuleTester t = RuleTester.of(new IndexScanFilteringRule());

  @Test
  void reportsAnIndexScanDiscardingMostRows() {
    var scan = edited("pg17-clean-pk-lookup.json", top -> {
      node(top, "0").put("Filter", "(amount > 990)");
      node(top, "0").put("Rows Removed by Filter", 9500);
      node(top, "0").put("Actual Rows", 500);
      node(top, "0").remove("Index Cond");
    });
    assertThat(t.findings(snap().plan(plan("orderby", scan)))).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("discarded 95 %", "no Index Cond");
    });
  }

  @Test
  void cleanPlansAndFewRemovedRowsDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var few = edited("pg17-clean-pk-lookup.json", top -> { node(top, "0").put("Filter", "(amount > 1)"); node(top, "0").put("Rows Removed by Filter", 999); });
    assertThat(t.findings(snap().plan(plan("few", few)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
