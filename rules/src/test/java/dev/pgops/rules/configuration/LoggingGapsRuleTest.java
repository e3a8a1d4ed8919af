package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class LoggingGapsRuleTest {
  private final RuleTester t = RuleTester.of(new LoggingGapsRule());

  @Test
  void oneInfoFindingListsWhatIsOff() {
    var f = t.findings(snap().setting("log_lock_waits", "off").setting("log_min_duration_statement", "-1", "ms")
        .setting("log_autovacuum_min_duration", "600000", "ms").setting("log_temp_files", "-1", "kB")
        .setting("log_checkpoints", "on"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("log_lock_waits off", "log_min_duration_statement = -1", "log_temp_files = -1")
          .doesNotContain("autovacuum").doesNotContain("checkpoints");
      assertThat(x.remediation()).contains("ALTER SYSTEM SET log_lock_waits = on;");
    });
  }

  @Test
  void allOnNoFinding() {
    assertThat(t.findings(snap().setting("log_lock_waits", "on").setting("log_min_duration_statement", "0", "ms")
        .setting("log_autovacuum_min_duration", "0", "ms").setting("log_temp_files", "0", "kB")
        .setting("log_checkpoints", "on"))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
