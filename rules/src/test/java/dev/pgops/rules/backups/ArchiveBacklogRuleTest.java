package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.ago;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.ArchiverStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArchiveBacklogRuleTest {
  private final RuleTester t = RuleTester.of(new ArchiveBacklogRule());

  private static ArchiverStats ready(Long count, boolean failing) {
    return new ArchiverStats(500, "000000010000000A000000F1", ago(Duration.ofMinutes(30)), failing ? 12 : 0,
        failing ? "000000010000000A000000F2" : null, failing ? ago(Duration.ofMinutes(1)) : null,
        ago(Duration.ofDays(30)), count);
  }

  @Test
  void belowTenIsFineTenIsMediumFifteenIsHigh() {
    assertThat(t.findings(snap().setting("archive_mode", "on").archiver(ready(9L, false)))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "on").archiver(ready(10L, false)))).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
          assertThat(f.message()).startsWith("10 WAL segments (160 MB) wait").contains("not keeping up");
        });
    assertThat(t.findings(snap().setting("archive_mode", "on").archiver(ready(15L, true)))).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
          assertThat(f.message()).contains("the archiver is failing");
          assertThat(f.evidence()).containsEntry("readyCount", "15").containsEntry("thresholds", "10 medium, 15 high");
        });
  }

  @Test
  void thresholdsAreConfigurable() {
    assertThat(t.config(dev.pgops.rules.testing.BackupFixtures.config(
            "rules:\n  archive-backlog:\n    warnReady: 50\n    critReady: 100\n"))
        .findings(snap().archiver(ready(40L, false)))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTheReadyCount() {
    RuleResult r = t.result(snap().archiver(ready(null, false)));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("pg_ls_archive_statusdir() needs pg_monitor");
    assertThat(t.result(snap().unavailable("archiver", "permission denied")).status())
        .isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
