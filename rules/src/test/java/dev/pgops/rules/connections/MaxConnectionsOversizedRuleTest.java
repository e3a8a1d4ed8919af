package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class MaxConnectionsOversizedRuleTest {
  private final RuleTester t = RuleTester.of(new MaxConnectionsOversizedRule());

  @Test
  void lowAbove500() {
    var f = t.findings(snap().setting("max_connections", "2000"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.location().key()).isEqualTo("setting:max_connections");
      assertThat(x.remediation()).contains("max_connections = 2000");
    });
  }

  @Test
  void quietAt500() {
    assertThat(t.findings(snap().setting("max_connections", "500"))).isEmpty();
  }

  @Test
  void fallsBackToActivityThenNotEvaluated() {
    assertThat(t.findings(snap().activity(a -> a.maxConnections = 1000))).hasSize(1);
    RuleResult r = t.result(snap().unavailable("settings", "denied").unavailable("activity", "denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
