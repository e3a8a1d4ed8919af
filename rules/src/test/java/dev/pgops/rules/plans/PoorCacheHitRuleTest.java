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

class PoorCacheHitRuleTest {
  private final RuleTester t = RuleTester.of(new PoorCacheHitRule());

  @Test
  void reportsAColdPlanAndItsReadTime() {
    var cold = edited("pg17-seq-scan-selective.json", top -> { node(top, "0").put("Shared Hit Blocks", 100); node(top, "0").put("Shared Read Blocks", 3507); node(top, "0").put("Shared I/O Read Time", 12.5); });
    assertThat(t.findings(snap().plan(plan("cold", cold)))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("found only 2.7 %", "3507 read", "reads took 12.5 ms");
      assertThat(x.evidence()).containsEntry("ioReadMs", "12.50");
    });
  }

  @Test
  void warmOrSmallPlansDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    assertThat(t.findings(with("pg17-seq-scan-selective.json", "pg17-sort-spill.json"))).isEmpty();
    var small = edited("pg17-seq-scan-selective.json", top -> { node(top, "0").put("Shared Hit Blocks", 0); node(top, "0").put("Shared Read Blocks", 999); });
    assertThat(t.findings(snap().plan(plan("small", small)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
