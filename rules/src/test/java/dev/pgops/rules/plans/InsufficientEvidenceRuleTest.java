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

class InsufficientEvidenceRuleTest {
  private final RuleTester t = RuleTester.of(new InsufficientEvidenceRule());

  @Test
  void aGenericPlanListsEveryRuleThatNeedsAnalyze() {
    assertThat(t.findings(with("pg16-seq-scan-selective-generic.json"))).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("20 plan rules could not be checked", "plan-row-misestimate", "plan-sort-spill");
      assertThat(x.message()).doesNotContain("plan-costly-node");
      assertThat(x.remediation()).contains("generic plan has estimates only");
    });
  }

  @Test
  void missingBuffersAndIoTimingAreNamed() {
    var f = t.findings(with("pg17-default-options.json"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("plan-poor-cache-hit", "plan-temp-spill").doesNotContain("plan-sort-spill");
      assertThat(x.remediation()).contains("add BUFFERS", "add VERBOSE");
    });
    assertThat(t.findings(with("pg18-default-options.json"))).singleElement()
        .satisfies(x -> assertThat(x.remediation()).contains("track_io_timing").doesNotContain("add BUFFERS"));
  }

  @Test
  void aCompletePlanNeedsNoHintAndAnUnreadablePlanIsReported() {
    assertThat(t.findings(clean())).isEmpty();
    var broken = new dev.pgops.snapshot.QueryPlan("42", "SELECT 1", "file", "ok", null,
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("Query Text", "SELECT 1"));
    assertThat(t.findings(snap().plan(broken))).singleElement().satisfies(x -> {
      assertThat(x.location()).isEqualTo(Location.object("file", null, "42"));
      assertThat(x.message()).contains("could not be read", "no \"Plan\" object");
    });
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
