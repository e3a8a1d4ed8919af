package dev.pgops.rules.security;

import static dev.pgops.rules.testing.Fixtures.role;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class Md5PasswordRuleTest {
  private final RuleTester t = RuleTester.of(new Md5PasswordRule());

  @Test
  void md5LoginRoleIsMedium() {
    var f = t.findings(snap().role(role("app", false, true, "md5")).role(role("web", false, true, "scram-sha-256"))
        .role(role("legacy_group", false, false, "md5")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.location().key()).isEqualTo("role:app");
      assertThat(x.remediation()).contains("SET password_encryption = 'scram-sha-256';");
    });
  }

  @Test
  void scramRolesAreFine() {
    assertThat(t.findings(snap().role(role("app", false, true, "scram-sha-256")).role(role("x", false, true, "none")))).isEmpty();
  }

  @Test
  void notEvaluatedWhenAllPasswordTypesUnknown() {
    RuleResult r = t.result(snap().role(role("app", false, true, "unknown")).role(role("postgres", true, true, "unknown")));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("superuser");
  }

  @Test
  void notEvaluatedWhenRolesUnavailable() {
    RuleResult r = t.result(snap().unavailable("roles", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
