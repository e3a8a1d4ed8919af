package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class DeadlocksRuleTest {
  private final RuleTester t = RuleTester.of(new DeadlocksRule());

  @Test
  void infoWithCountAndRate() {
    var f = t.findings(snap().database(d -> d.deadlocks = 30)); // 30 days window
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("30 deadlocks").contains("1.00 per day");
    });
  }

  @Test
  void lowAboveTenPerDay() {
    var f = t.findings(snap().database(d -> d.deadlocks = 600));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void quietWithoutDeadlocks() {
    assertThat(t.findings(snap().database(d -> d.deadlocks = 0))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutDatabases() {
    assertThat(t.result(snap().unavailable("databases", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
