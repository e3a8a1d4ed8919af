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

class SortSpillRuleTest {
  private final RuleTester t = RuleTester.of(new SortSpillRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsTheSpilledSortWithItsSize(int major) {
    var f = t.findings(with("pg" + major + "-sort-spill.json"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).containsPattern("Sort of public.orders spilled \\d+ MB to disk \\(external (merge|sort)\\) at node 0");
      assertThat(x.remediation()).contains("SET LOCAL work_mem", "ALTER ROLE");
      assertThat(Long.parseLong(x.evidence().get("diskKb"))).isGreaterThan(10_000);
    });
  }

  @Test
  void inMemorySortsAndPlansWithoutAnalyzeDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var mem = edited("pg17-sort-spill.json", top -> { node(top, "0").put("Sort Method", "quicksort"); node(top, "0").put("Sort Space Type", "Memory"); });
    assertThat(t.findings(snap().plan(plan("mem", mem)))).isEmpty();
    assertThat(t.findings(with("pg17-sort-spill-plain.json"))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
