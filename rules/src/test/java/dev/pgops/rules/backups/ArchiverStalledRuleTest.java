package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.ago;
import static dev.pgops.rules.testing.OpsFixtures.archiver;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArchiverStalledRuleTest {
  private final RuleTester t = RuleTester.of(new ArchiverStalledRule());

  @Test
  void staleArchiveWithTimeoutIsMedium() {
    // archive_timeout 60 s -> limit max(5 min, 2 min) = 5 min
    var f = t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "60", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(20)), 0, null)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("20 min ago");
    });
  }

  @Test
  void longArchiveTimeoutRaisesTheLimit() {
    // archive_timeout 15 min -> limit 30 min
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "900", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(29)), 0, null)))).isEmpty();
  }

  @Test
  void justBelowLimitNoFinding() {
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "0", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(4)), 0, null)))).isEmpty();
  }

  @Test
  void idleServerWithoutArchiveTimeoutIsLowAndSaysSo() {
    var f = t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "0", "s")
        .archiver(archiver(100, ago(Duration.ofHours(3)), 0, null)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("idle server");
    });
  }

  @Test
  void neverArchivedIsMedium() {
    var f = t.findings(snap().setting("archive_mode", "on").archiver(archiver(0, null, 0, null)));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void skippedWhenArchivingOffOrOnStandbyOrFailing() {
    assertThat(t.findings(snap().setting("archive_mode", "off").archiver(archiver(0, null, 0, null)))).isEmpty();
    assertThat(t.findings(snap().inRecovery(true).setting("archive_mode", "on").archiver(archiver(0, null, 0, null)))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "on")
        .archiver(archiver(10, ago(Duration.ofHours(1)), 5, ago(Duration.ofMinutes(1)))))).isEmpty();
  }

  @Test
  void notEvaluatedWhenArchiverUnavailable() {
    RuleResult r = t.result(snap().setting("archive_mode", "on").unavailable("archiver", "not collected"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
