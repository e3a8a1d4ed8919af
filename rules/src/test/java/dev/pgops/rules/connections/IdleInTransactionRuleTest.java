package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.Fixtures.session;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class IdleInTransactionRuleTest {
  private final RuleTester t = RuleTester.of(new IdleInTransactionRule());

  @Test
  void mediumOverOneMinuteHighOverFive() {
    var f = t.findings(snap().activity(a -> {
      a.sessions.add(session(101, "idle in transaction", 400, 90));
      a.sessions.add(session(102, "idle in transaction (aborted)", 900, 600));
      a.idleInTransaction = 2;
    }));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).location().key()).isEqualTo("session:pid 102");
    assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(1).remediation()).contains("pg_terminate_backend(101)").contains("idle_in_transaction_session_timeout");
  }

  @Test
  void quietAtOneMinuteOrOtherStates() {
    assertThat(t.findings(snap().activity(a -> {
      a.sessions.add(session(101, "idle in transaction", 60, 60));
      a.sessions.add(session(102, "active", 900, 900));
    }))).isEmpty();
  }

  @Test
  void tenSessionsAreAllHighAndMoreThan20AreSummarised() {
    var ten = t.findings(snap().activity(a -> { for (int i = 0; i < 10; i++) a.sessions.add(session(200 + i, "idle in transaction", 70, 70)); }));
    assertThat(ten).hasSize(10).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    var many = t.findings(snap().activity(a -> { for (int i = 0; i < 25; i++) a.sessions.add(session(300 + i, "idle in transaction", 70, 70)); }));
    assertThat(many).hasSize(21);
    assertThat(many.get(20).message()).startsWith("5 more sessions");
  }

  @Test
  void uncapturedOldSessionStillReported() {
    var f = t.findings(snap().activity(a -> { a.idleInTransaction = 1; a.oldestIdleInTransactionSec = 700; }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
