package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatsWindowShortRuleTest {
  private final RuleTester t = RuleTester.of(new StatsWindowShortRule());

  @Test
  void infoWhenWindowShort() {
    var f = t.findings(snap().statsWindow(Duration.ofDays(2)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("2 d 0 h").contains("unused-index");
    });
  }

  @Test
  void quietAtSevenDays() {
    assertThat(t.findings(snap().statsWindow(Duration.ofDays(7)))).isEmpty();
    assertThat(t.findings(snap().statsWindow(Duration.ofDays(6).plusHours(23)))).hasSize(1);
  }

  @Test
  void windowUnknownStillEvaluated() {
    Snapshot base = snap().build();
    Meta m = base.meta();
    Meta unknown = new Meta(m.schemaVersion(), m.toolVersion(), m.collectedAt(), m.serverVersion(), m.version(),
        m.database(), m.connectedAs(), m.superuser(), m.memberOf(), m.inRecovery(), null, null, m.extensions(),
        m.timeouts(), m.collectors());
    var r = t.result(Snapshot.of(unknown));
    assertThat(r.evaluated()).isTrue();
    assertThat(r.findings()).singleElement().satisfies(x -> assertThat(x.message()).contains("window unknown"));
    assertThat(Snap.NOW).isNotNull();
  }
}
