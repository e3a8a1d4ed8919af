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

class TempSpillRuleTest {
  private final RuleTester t = RuleTester.of(new TempSpillRule());

  @Test
  void sumsTheTempFilesOfThePlan() {
    assertThat(t.findings(with("pg17-sort-spill.json"))).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("of temporary files; most at node 0 (Sort)");
    });
    var big = edited("pg17-sort-spill.json", top -> node(top, "0").put("Temp Written Blocks", 128 * 128 + 1));
    assertThat(t.findings(snap().plan(plan("big", big)))).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void noTempFilesOrNoBuffersDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    assertThat(t.findings(with("pg17-default-options.json"))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
