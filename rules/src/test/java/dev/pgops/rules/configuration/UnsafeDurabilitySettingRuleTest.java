package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.OpsFixtures.setting;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UnsafeDurabilitySettingRuleTest {
  private final RuleTester t = RuleTester.of(new UnsafeDurabilitySettingRule());

  @Test
  void eachUnsafeSettingIsReported() {
    var f = t.findings(snap().setting("fsync", "off").setting("full_page_writes", "off")
        .setting("zero_damaged_pages", "on").setting("synchronous_commit", "off"));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactly(
        "setting:fsync=CRITICAL", "setting:full_page_writes=CRITICAL", "setting:zero_damaged_pages=CRITICAL",
        "setting:synchronous_commit=LOW");
    assertThat(f.get(0).remediation()).contains("ALTER SYSTEM SET fsync = on;", "rollback");
  }

  @Test
  void safeValuesAndSessionLevelSynchronousCommitAreFine() {
    assertThat(t.findings(snap().setting("fsync", "on").setting("full_page_writes", "on")
        .setting("zero_damaged_pages", "off").setting("synchronous_commit", "local")
        .setting(setting("synchronous_commit", "off", null, "user", false)))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
