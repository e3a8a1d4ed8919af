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

class MemoizeThrashRuleTest {
  private final RuleTester t = RuleTester.of(new MemoizeThrashRule());

  @Test
  void reportsAThrashingCache() {
    var thrash = edited("pg17-nested-loop.json", top -> {
      var m = node(top, "0.0.1");
      m.put("Cache Hits", 40000).put("Cache Misses", 160000).put("Cache Evictions", 150000);
    });
    assertThat(t.findings(snap().plan(plan("thrash", thrash)))).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("Memoize", "hit its cache 20 % of 200 k lookups"));
  }

  @Test
  void aUsefulCacheDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    assertThat(t.findings(with("pg17-nested-loop.json", "pg18-nested-loop.json"))).as("90 % hits, no evictions").isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
