package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TrackIoTimingOffRuleTest {
  private final RuleTester t = RuleTester.of(new TrackIoTimingOffRule());

  @Test
  void offIsLow() {
    var f = t.findings(snap().setting("track_io_timing", "off"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.remediation()).contains("ALTER SYSTEM SET track_io_timing = on;");
    });
  }

  @Test
  void onIsFine() {
    assertThat(t.findings(snap().setting("track_io_timing", "on"))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
