package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.OpsFixtures.role;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyTimeoutsUnsetRuleTest {
  private final RuleTester t = RuleTester.of(new SafetyTimeoutsUnsetRule());

  @Test
  void zeroTimeoutIsLowAndNamesUncoveredRoles() {
    var f = t.findings(snap().setting("idle_in_transaction_session_timeout", "0", "ms")
        .role(role("app", false, true, "scram-sha-256", null, List.of("idle_in_transaction_session_timeout=5min")))
        .role(role("batch", false, true, "scram-sha-256", null, List.of()))
        .role(role("postgres", true, true, "scram-sha-256", null, List.of())));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("batch").doesNotContain("app,").doesNotContain("postgres");
      assertThat(x.remediation()).contains("ALTER SYSTEM SET idle_in_transaction_session_timeout = '10min';");
    });
  }

  @Test
  void noFindingWhenEveryAppRoleSetsItOrServerDoes() {
    assertThat(t.findings(snap().setting("idle_in_transaction_session_timeout", "0", "ms")
        .role(role("app", false, true, "scram-sha-256", null, List.of("idle_in_transaction_session_timeout=5min")))
        .role(role("postgres", true, true, "scram-sha-256", null, List.of()))
        .role(role("readers", false, false, "none", null, List.of())))).isEmpty();
    assertThat(t.findings(snap().setting("idle_in_transaction_session_timeout", "600000", "ms"))).isEmpty();
  }

  @Test
  void roleSettingZeroDoesNotCount() {
    assertThat(t.findings(snap().setting("idle_in_transaction_session_timeout", "0", "ms")
        .role(role("app", false, true, "scram-sha-256", null, List.of("idle_in_transaction_session_timeout=0"))))).hasSize(1);
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
