package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.OpsFixtures.setting;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PendingRestartRuleTest {
  private final RuleTester t = RuleTester.of(new PendingRestartRule());

  @Test
  void oneFindingListsAllPendingSettings() {
    var f = t.findings(snap()
        .setting(setting("shared_buffers", "16384", "8kB", "configuration file", true))
        .setting(setting("max_connections", "100", null, "configuration file", true))
        .setting(setting("work_mem", "4096", "kB", "configuration file", false)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("2 settings", "shared_buffers", "max_connections").doesNotContain("work_mem");
      assertThat(x.evidence()).containsKeys("shared_buffers", "max_connections");
    });
  }

  @Test
  void nothingPendingNoFinding() {
    assertThat(t.findings(snap().setting(setting("shared_buffers", "16384", "8kB", "configuration file", false)))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
