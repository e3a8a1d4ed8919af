package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ConnectionChurnRuleTest {
  private final RuleTester t = RuleTester.of(new ConnectionChurnRule());

  @Test
  void lowWhenMostClientsAreNew() {
    var f = t.findings(snap().activity(a -> { a.clientBackends = 20; a.connectedLast15Min = 15; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("15 of 20");
    });
  }

  @Test
  void quietAt70PercentOrFewClients() {
    assertThat(t.findings(snap().activity(a -> { a.clientBackends = 20; a.connectedLast15Min = 14; }))).isEmpty();
    assertThat(t.findings(snap().activity(a -> { a.clientBackends = 9; a.connectedLast15Min = 9; }))).isEmpty();
  }

  @Test
  void abnormalSessionEndsOnPg14() {
    var f = t.findings(snap().database(d -> { d.sessions = 10_000L; d.sessionsAbandoned = 300L; d.sessionsFatal = 300L; d.sessionsKilled = 0L; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.location().key()).isEqualTo("database:app");
    });
    var low = t.findings(snap().database(d -> { d.sessions = 10_000L; d.sessionsAbandoned = 150L; d.sessionsFatal = 0L; d.sessionsKilled = 0L; }));
    assertThat(low).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
    assertThat(t.findings(snap().database(d -> { d.sessions = 10_000L; d.sessionsAbandoned = 100L; }))).isEmpty();
  }

  @Test
  void sessionCountersIgnoredBeforePg14() {
    assertThat(t.findings(snap().version(130010)
        .database(d -> { d.sessions = 10_000L; d.sessionsAbandoned = 9_000L; }))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutActivityAndDatabases() {
    RuleResult r = t.result(snap().unavailable("activity", "denied").unavailable("databases", "denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
