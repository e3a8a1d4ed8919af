package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.ago;
import static dev.pgops.rules.testing.OpsFixtures.archiver;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.ArchiverStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArchiverFailingRuleTest {
  private final RuleTester t = RuleTester.of(new ArchiverFailingRule());

  @Test
  void lastFailureNewerThanLastSuccessIsCritical() {
    var f = t.findings(snap().setting("archive_mode", "on")
        .archiver(archiver(500, ago(Duration.ofHours(2)), 40, ago(Duration.ofMinutes(1)))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.message()).contains("failing", "40 failures", "2 h 0 min ago");
    });
  }

  @Test
  void theBacklogIsCountedWhenKnown() {
    var a = archiver(500, ago(Duration.ofHours(2)), 40, ago(Duration.ofMinutes(1)));
    var withReady = new ArchiverStats(a.archivedCount(), a.lastArchivedWal(), a.lastArchivedAt(), a.failedCount(),
        a.lastFailedWal(), a.lastFailedAt(), a.statsReset(), 27L);
    assertThat(t.findings(snap().setting("archive_mode", "on").archiver(withReady))).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("WAL piles up in pg_wal (27 segments waiting) and the archive has a gap");
      assertThat(x.evidence()).containsEntry("readyCount", "27");
    });
    assertThat(t.findings(snap().setting("archive_mode", "on").archiver(a))).singleElement()
        .satisfies(x -> assertThat(x.evidence()).containsEntry("readyCount", "not collected"));
  }

  @Test
  void failuresAndNeverArchivedIsCritical() {
    var f = t.findings(snap().archiver(archiver(0, null, 3, ago(Duration.ofMinutes(1)))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void recoveredFailuresAreInfo() {
    var f = t.findings(snap().archiver(archiver(500, ago(Duration.ofSeconds(30)), 2, ago(Duration.ofSeconds(31)))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("succeeded since");
    });
  }

  @Test
  void noFailuresNoFinding() {
    assertThat(t.findings(snap().archiver(archiver(500, ago(Duration.ofSeconds(30)), 0, null)))).isEmpty();
  }

  @Test
  void notEvaluatedWhenArchiverUnavailable() {
    RuleResult r = t.result(snap().unavailable("archiver", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
