package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class TempFilesHeavyRuleTest {
  private final RuleTester t = RuleTester.of(new TempFilesHeavyRule());
  private static final long GB = 1L << 30;

  @Test
  void lowAbove10GbPerDayMediumAbove50() {
    var f = t.findings(snap()
        .database(d -> { d.name = "a"; d.tempBytes = 30 * 20 * GB; d.tempFiles = 900; })
        .database(d -> { d.name = "b"; d.tempBytes = 30 * 60 * GB; }));
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.LOW, Severity.MEDIUM);
    assertThat(f.get(0).message()).contains("20.0 GB").contains("per day");
  }

  @Test
  void quietAtTenGbPerDay() {
    assertThat(t.findings(snap().database(d -> d.tempBytes = 30 * 10 * GB))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutDatabasesOrWindow() {
    assertThat(t.result(snap().unavailable("databases", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    Snapshot s = snap().database(d -> { d.statsReset = null; d.tempBytes = 1000 * GB; }).build();
    Meta m = s.meta();
    Meta unknown = new Meta(m.schemaVersion(), m.toolVersion(), m.collectedAt(), m.serverVersion(), m.version(),
        m.database(), m.connectedAs(), m.superuser(), m.memberOf(), m.inRecovery(), null, null, m.extensions(),
        m.timeouts(), m.collectors());
    Snapshot noWindow = s.withMeta(unknown);
    RuleResult r = t.result(noWindow);
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("window unknown");
  }

  @Test
  void shortWindowLowersSeverity() {
    var f = t.findings(snap().statsWindow(java.time.Duration.ofDays(2))
        .database(d -> { d.statsReset = null; d.tempBytes = 2 * 60 * GB; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("statistics cover only 2 d");
    });
  }
}
