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

class SlowNodeRuleTest {
  private final RuleTester t = RuleTester.of(new SlowNodeRule());

  @Test
  void reportsTheNodeThatTakesMostOfTheTime() {
    var f = t.findings(with("pg17-sort-spill.json"));
    assertThat(f).isNotEmpty().allSatisfy(x -> assertThat(x.message()).contains(" of statement pg17-sort-spill.json ("));
    assertThat(f).anySatisfy(x -> assertThat(x.evidence()).containsEntry("nodePath", "0").containsEntry("nodeType", "Sort"));
  }

  @Test
  void quickPlansAndSpreadTimeDoNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    // every node below 40 %: root 100 ms, one child 60 ms inclusive, so root exclusive 40 % → edited to 39.9 % / 60.1 %
    var spread = edited("pg17-sort-spill.json", top -> {
      top.put("Execution Time", 100.0);
      node(top, "0").put("Actual Total Time", 100.0);
      node(top, "0.0").put("Actual Total Time", 60.1);
    });
    assertThat(t.findings(snap().plan(plan("spread", spread)))).singleElement()
        .satisfies(x -> assertThat(x.evidence()).containsEntry("nodePath", "0.0"));
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
