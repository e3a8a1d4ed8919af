package dev.pgops.rules.security;

import static dev.pgops.rules.testing.OpsFixtures.ago;
import static dev.pgops.rules.testing.OpsFixtures.role;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordExpiredRuleTest {
  private final RuleTester t = RuleTester.of(new PasswordExpiredRule());

  @Test
  void expiredIsLowSoonIsInfo() {
    var f = t.findings(snap()
        .role(role("old", false, true, "scram-sha-256", ago(Duration.ofDays(3)), List.of()))
        .role(role("soon", false, true, "scram-sha-256", ago(Duration.ofDays(-10)), List.of())));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactly("role:old=LOW", "role:soon=INFO");
    assertThat(f.get(0).message()).contains("expired 3 d 0 h ago");
    assertThat(f.get(0).remediation()).contains("ALTER ROLE old VALID UNTIL");
  }

  @Test
  void laterExpiryNoPasswordOrNoLoginAreFine() {
    assertThat(t.findings(snap()
        .role(role("later", false, true, "scram-sha-256", ago(Duration.ofDays(-15)), List.of()))
        .role(role("cert", false, true, "none", ago(Duration.ofDays(3)), List.of()))
        .role(role("grp", false, false, "scram-sha-256", ago(Duration.ofDays(3)), List.of()))
        .role(role("forever", false, true, "scram-sha-256", null, List.of())))).isEmpty();
  }

  @Test
  void notEvaluatedWhenRolesUnavailable() {
    RuleResult r = t.result(snap().unavailable("roles", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
