package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ConnectionSaturationRuleTest {
  private final RuleTester t = RuleTester.of(new ConnectionSaturationRule());

  @Test
  void mediumFrom70AndHighFrom90Percent() {
    var m = t.findings(snap().activity(a -> { a.maxConnections = 103; a.reservedConnections = 3; a.clientBackends = 70; }));
    assertThat(m).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("70 of 100");
    });
    var h = t.findings(snap().activity(a -> { a.maxConnections = 103; a.reservedConnections = 3; a.clientBackends = 95; }));
    assertThat(h).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void quietJustBelow70Percent() {
    assertThat(t.findings(snap().activity(a -> { a.maxConnections = 103; a.reservedConnections = 3; a.clientBackends = 69; a.totalBackends = 80; })))
        .isEmpty();
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
