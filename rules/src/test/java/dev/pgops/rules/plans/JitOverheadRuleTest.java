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

class JitOverheadRuleTest {
  private final RuleTester t = RuleTester.of(new JitOverheadRule());

  private static com.fasterxml.jackson.databind.node.ObjectNode withJit(double totalMs) {
    return edited("pg17-seq-scan-selective.json", top -> {
      top.put("Execution Time", 100.0);
      var jit = top.putObject("JIT");
      jit.put("Functions", 4);
      var timing = jit.putObject("Timing");
      timing.putObject("Generation").put("Deform", 0.1).put("Total", 0.5);
      timing.put("Inlining", 0.0).put("Optimization", 1.0).put("Emission", totalMs - 1.5).put("Total", totalMs);
    });
  }

  @Test
  void reportsJitTakingAShareOfTheRuntime() {
    assertThat(t.findings(snap().plan(plan("jit", withJit(45))))).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("JIT took 45.0 ms of 100 ms (45 %)");
    });
  }

  @Test
  void smallJitOrNoJitDoesNotFire() {
    assertThat(t.findings(clean())).isEmpty();
    assertThat(t.findings(snap().plan(plan("jit", withJit(9.9))))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
