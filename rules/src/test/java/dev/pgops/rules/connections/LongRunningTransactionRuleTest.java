package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.PerfFixtures.session;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongRunningTransactionRuleTest {
  private final RuleTester t = RuleTester.of(new LongRunningTransactionRule());

  @Test
  void mediumOverFiveMinutesHighOverAnHour() {
    var f = t.findings(snap().activity(a -> {
      a.sessions.add(session(1, "active", "client backend", 301, 301, 301, List.of()));
      a.sessions.add(session(2, "idle in transaction", "client backend", 3_601, 10, 3_000, List.of()));
    }));
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.HIGH, Severity.MEDIUM);
    assertThat(f.get(0).evidence()).containsEntry("state", "idle in transaction");
  }

  @Test
  void excludesVacuumWalsendersAndShortTransactions() {
    assertThat(t.findings(snap().activity(a -> {
      a.sessions.add(session(1, "active", "autovacuum worker", 90_000, 90_000, 90_000, List.of()));
      a.sessions.add(session(2, "active", "walsender", 90_000, 90_000, 90_000, List.of()));
      a.sessions.add(session(3, "active", "client backend", 300, 300, 300, List.of()));
    }))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
