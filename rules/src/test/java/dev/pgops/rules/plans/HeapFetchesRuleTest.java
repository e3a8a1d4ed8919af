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

class HeapFetchesRuleTest {
  private final RuleTester t = RuleTester.of(new HeapFetchesRule());

  @ParameterizedTest
  @ValueSource(strings = {"pg13-nested-loop.json", "pg14-heap-fetches-join.json", "pg18-heap-fetches-join.json"})
  void reportsAnIndexOnlyScanVisitingTheHeap(String fixture) {
    assertThat(t.findings(with(fixture))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("Index Only Scan", "heap fetches");
      assertThat(x.remediation()).contains("VACUUM (VERBOSE) public.");
    });
  }

  @Test
  void fewHeapFetchesDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    var few = edited("pg13-nested-loop.json", top -> node(top, "0.0.1").put("Heap Fetches", 99));
    assertThat(t.findings(snap().plan(plan("few", few)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
