package dev.pgops.rules.security;

import static dev.pgops.rules.testing.Fixtures.role;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TooManySuperusersRuleTest {
  private final RuleTester t = RuleTester.of(new TooManySuperusersRule());

  @Test
  void threeLoginSuperusersAreReported() {
    var f = t.findings(snap().role(role("postgres", true, true, "scram-sha-256"))
        .role(role("alice", true, true, "scram-sha-256")).role(role("bob", true, true, "scram-sha-256"))
        .role(role("app", false, true, "scram-sha-256")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("3 superuser roles", "alice", "bob", "postgres").doesNotContain("app");
      assertThat(x.remediation()).contains("ALTER ROLE alice NOSUPERUSER;").doesNotContain("ALTER ROLE postgres");
    });
  }

  @Test
  void twoLoginSuperusersAreFine() {
    assertThat(t.findings(snap().role(role("postgres", true, true, "scram-sha-256"))
        .role(role("alice", true, true, "scram-sha-256")).role(role("ops", true, false, "none")))).isEmpty();
  }

  @Test
  void fourSuperusersOverallAreReported() {
    assertThat(t.findings(snap().role(role("postgres", true, true, "scram-sha-256"))
        .role(role("a", true, false, "none")).role(role("b", true, false, "none")).role(role("c", true, false, "none"))))
        .hasSize(1);
  }

  @Test
  void notEvaluatedWhenRolesUnavailable() {
    RuleResult r = t.result(snap().unavailable("roles", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
