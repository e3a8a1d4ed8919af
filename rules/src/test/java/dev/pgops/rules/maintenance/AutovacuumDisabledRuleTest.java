package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutovacuumDisabledRuleTest {
  private final RuleTester t = RuleTester.of(new AutovacuumDisabledRule());

  @Test
  void reportsAutovacuumOff() {
    var f = t.findings(snap().setting("autovacuum", "off").setting("track_counts", "on"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.location()).isEqualTo(Location.object("setting", null, "autovacuum"));
      assertThat(x.remediation()).contains("ALTER SYSTEM SET autovacuum = on;", "pg_reload_conf()");
    });
  }

  @Test
  void reportsTrackCountsOff() {
    var f = t.findings(snap().setting("autovacuum", "on").setting("track_counts", "off"));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.location().key()).isEqualTo("setting:track_counts"));
  }

  @Test
  void quietWhenBothOnOrUnknown() {
    assertThat(t.findings(snap().setting("autovacuum", "on").setting("track_counts", "on"))).isEmpty();
    assertThat(t.findings(snap())).isEmpty();
  }

  @Test
  void notEvaluatedWithoutSettings() {
    assertThat(t.result(snap().unavailable("settings", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
