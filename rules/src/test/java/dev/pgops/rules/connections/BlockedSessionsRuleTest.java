package dev.pgops.rules.connections;

import static dev.pgops.rules.testing.PerfFixtures.session;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockedSessionsRuleTest {
  private final RuleTester t = RuleTester.of(new BlockedSessionsRule());

  @Test
  void namesRootBlockerAcrossTheChain() {
    var f = t.findings(snap().activity(a -> {
      a.sessions.add(session(10, "idle in transaction", "client backend", 900, 900, 880, List.of()));
      a.sessions.add(session(20, "active", "client backend", 200, 200, 200, List.of(10)));
      a.sessions.add(session(30, "active", "client backend", 45, 45, 45, List.of(20)));
    }));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).location().key()).isEqualTo("session:pid 20");
    assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(1).evidence()).containsEntry("rootBlocker", "10");
    assertThat(f.get(1).message()).contains("root blocker pid 10");
    assertThat(f.get(1).remediation()).contains("pg_terminate_backend(10)");
  }

  @Test
  void quietAt30SecondsAndForCycles() {
    assertThat(t.findings(snap().activity(a -> a.sessions.add(session(20, "active", "client backend", 30, 30, 30, List.of(10))))))
        .isEmpty();
    var cycle = t.findings(snap().activity(a -> {
      a.sessions.add(session(1, "active", "client backend", 60, 60, 60, List.of(2)));
      a.sessions.add(session(2, "active", "client backend", 60, 60, 60, List.of(1)));
    }));
    assertThat(cycle).hasSize(2);
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
