package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.config;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.BackupFixtures.incr;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import org.junit.jupiter.api.Test;

class BackupTooOldRuleTest {
  private final RuleTester t = RuleTester.of(new BackupTooOldRule());

  /** The newest backup, an incremental, ended 2026-11-20 01:00. */
  private static BackupCatalog daily() {
    return catalog(full("F1", at("2026-11-17T01:00:00Z")), incr("I1", at("2026-11-18T01:00:00Z")),
        incr("I2", at("2026-11-20T01:00:00Z")));
  }

  @Test
  void theSameCatalogueFlipsWhenTheCollectionTimeMoves() {
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T01:00:00Z")).backupTool(daily()))).isEmpty();
    // 26 h is the limit; 27 h over it
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T03:00:00Z")).backupTool(daily()))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T04:00:00Z")).backupTool(daily())))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
          assertThat(f.message()).contains("I2 (incremental)", "1 d 3 h ago", "over the 1 d 2 h limit");
        });
    // +10 d: over 50 h, a whole run missed
    assertThat(t.findings(snap().collectedAt(at("2026-11-30T01:00:00Z")).backupTool(daily())))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(f.message()).contains("10 d 0 h ago", "2 d 2 h limit", "at least one scheduled backup was missed");
        });
  }

  @Test
  void aWeeklyScheduleIsNotLateAfterTwoDays() {
    assertThat(t.config(config("backup:\n  anyBackupInterval: 7d\n"))
        .findings(snap().collectedAt(at("2026-11-23T01:00:00Z")).backupTool(daily()))).isEmpty();
  }

  @Test
  void noRestorableBackupIsCritical() {
    BackupCatalog failedOnly = catalog(backup("F1", b -> {
      b.status = "failed";
      b.startedAt = at("2026-11-20T00:00:00Z");
      b.stoppedAt = at("2026-11-20T00:10:00Z");
    }));
    assertThat(t.findings(snap().backupTool(failedOnly))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("has no restorable backup (1 listed, none complete and restorable)");
      assertThat(f.remediation()).contains("pgbackrest --stanza=main backup --type=full");
    });
    assertThat(t.findings(snap().backupTool(catalog()))).singleElement()
        .satisfies(f -> assertThat(f.message()).endsWith("has no restorable backup: there is nothing to restore this cluster from"));
  }

  @Test
  void aBackupAfterTheCollectionTimeDoesNotHelp() {
    // collected before I2 existed: I1 (11-18 01:00) is 31 h old then, over 26 h
    assertThat(t.findings(snap().collectedAt(at("2026-11-19T08:00:00Z")).backupTool(daily())))
        .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("lastBackup", "I1"));
  }

  @Test
  void notEvaluatedWithoutCatalogues() {
    assertThat(t.result(snap().unavailable("backupTools", "pgbackrest info failed: unsupported format: no stanza array"))
        .status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
