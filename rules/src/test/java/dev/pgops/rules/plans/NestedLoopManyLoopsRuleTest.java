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

class NestedLoopManyLoopsRuleTest {
  private final RuleTester t = RuleTester.of(new NestedLoopManyLoopsRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void reportsTheManyTimesExecutedInnerSide(int major) {
    assertThat(t.findings(with("pg" + major + "-nested-loop.json"))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("ran its inner side");
      assertThat(Long.parseLong(x.evidence().get("innerLoops"))).isGreaterThanOrEqualTo(1000);
    });
  }

  @Test
  void innerSeqScanIsHighAndFewLoopsAreFine() {
    assertThat(t.findings(clean())).isEmpty();
    var seq = edited("pg17-nested-loop.json", top -> {
      var inner = node(top, "0.0.1");
      inner.put("Node Type", "Seq Scan");
      inner.put("Actual Loops", 5);
    });
    assertThat(t.findings(snap().plan(plan("seq", seq)))).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    var few = edited("pg17-nested-loop.json", top -> node(top, "0.0.1").put("Actual Loops", 999));
    assertThat(t.findings(snap().plan(plan("few", few)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
