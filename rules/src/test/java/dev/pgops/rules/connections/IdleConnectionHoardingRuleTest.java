package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleConnectionHoardingRuleTest {
  private final RuleTester t = RuleTester.of(new IdleConnectionHoardingRule());

  @Test
  void lowFrom100MediumFrom500() {
    assertThat(t.findings(snap().activity(a -> a.byState.put("idle", 100))))
        .singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
    assertThat(t.findings(snap().activity(a -> a.byState.put("idle", 500))))
        .singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void quietAt99() {
    assertThat(t.findings(snap().activity(a -> a.byState = new java.util.TreeMap<>(Map.of("idle", 99, "active", 300))))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
