package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.config;
import static dev.pgops.rules.testing.BackupFixtures.drill;
import static dev.pgops.rules.testing.BackupFixtures.failedDrill;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.BackupFixtures.passedDrill;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.DrillRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestoreDrillFailedRuleTest {
  private final RuleTester t = RuleTester.of(new RestoreDrillFailedRule());
  private static final BackupCatalog MAIN = catalog(full("F1", at("2026-11-20T01:00:00Z")));

  private static DrillRecord slow(String id, Instant start, long rtoSeconds, Long target, long rpoSeconds) {
    return drill(id, d -> {
      d.startedAt = start;
      d.restoredAt = start.plus(Duration.ofMinutes(50));
      d.recoveredAt = start.plus(Duration.ofMinutes(70));
      d.verifiedAt = start.plusSeconds(rtoSeconds);
      d.rtoSeconds = rtoSeconds;
      d.rtoTargetSeconds = target;
      d.rpoSeconds = rpoSeconds;
    });
  }

  @Test
  void aPassedDrillWithinTargetsIsAPass() {
    assertThat(t.findings(snap().backupTool(MAIN).drill(passedDrill("d1", at("2026-11-10T10:00:00Z"))))).isEmpty();
  }

  @Test
  void theLastDrillFailingIsHighAndAnEarlierPassDoesNotHideIt() {
    var pass = passedDrill("d1", at("2026-10-10T10:00:00Z"));
    var fail = failedDrill("d2", at("2026-11-10T10:00:00Z"), "verification: orders has 0 rows, expected 48000000");
    assertThat(t.findings(snap().backupTool(MAIN).drill(pass).drill(fail))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("The last restore drill of pgBackRest stanza 'main' failed (drill d2",
          ": verification: orders has 0 rows, expected 48000000", "the last one that passed was 43 d 23 h ago");
      assertThat(f.evidence()).containsEntry("failedSteps", "server up: verification: orders has 0 rows, expected 48000000");
    });
    // collected before the failed drill: the pass is the last
    assertThat(t.findings(snap().collectedAt(at("2026-11-01T00:00:00Z")).backupTool(MAIN).drill(pass).drill(fail))).isEmpty();
  }

  @Test
  void overTheRtoTargetOfThePolicyOrTheRecord() {
    var d = slow("d1", at("2026-11-10T10:00:00Z"), 80 * 60, 3600L, 30);
    assertThat(t.findings(snap().backupTool(MAIN).drill(d))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("took 1 h 20 min to restore, recover and verify, over the 1 h 0 min RTO target",
          "restore 50 min, recovery 20 min, verification 10 min");
      assertThat(f.evidence()).containsEntry("targetFrom", "the drill record");
    });
    // the policy's RTO wins over the record's
    assertThat(t.config(config("backup:\n  drill:\n    rto: 2h\n")).findings(snap().backupTool(MAIN).drill(d))).isEmpty();
    // no target anywhere: nothing to miss
    assertThat(t.findings(snap().backupTool(MAIN).drill(slow("d2", at("2026-11-10T10:00:00Z"), 80 * 60, null, 30)))).isEmpty();
  }

  @Test
  void overTheRpo() {
    var d = slow("d1", at("2026-11-10T10:00:00Z"), 600, null, 1800);
    assertThat(t.findings(snap().backupTool(MAIN).drill(d))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("recovered to a point 30 min before its target, over the 15 min RPO"));
    assertThat(t.config(config("backup:\n  rpo: 1h\n")).findings(snap().backupTool(MAIN).drill(d))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutDrillsOrWithNoneRecorded() {
    assertThat(t.result(snap().backupTool(MAIN).unavailable("drills", "x")).status())
        .isEqualTo(RuleResult.Status.NOT_EVALUATED);
    RuleResult none = t.result(snap().backupTool(MAIN));
    assertThat(none.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(none.reason()).contains("no restore drill is recorded");
  }
}
