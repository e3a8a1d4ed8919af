package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import org.junit.jupiter.api.Test;

class BackupStuckRuleTest {
  private final RuleTester t = RuleTester.of(new BackupStuckRule());

  /** Hour-long fulls, and one started 2026-11-22 00:00 still running. */
  private static BackupCatalog running(String status) {
    return catalog(full("F1", at("2026-11-08T01:00:00Z")), full("F2", at("2026-11-15T01:00:00Z")),
        backup("F3", b -> {
          b.status = status;
          b.startedAt = at("2026-11-22T00:00:00Z");
          b.stoppedAt = null;
        }));
  }

  @Test
  void aRunningBackupFlipsWhenTheCollectionTimeMoves() {
    // usual 1 h: limit max(12 h, 3 h) = 12 h
    assertThat(t.findings(snap().collectedAt(at("2026-11-22T11:00:00Z")).backupTool(running("running")))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-23T10:00:00Z")).backupTool(running("running"))))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
          assertThat(f.message()).contains("full backup F3 has been running for 1 d 10 h", "34.0× the usual 1 h 0 min");
          assertThat(f.location().key()).isEqualTo("backup:pgbackrest/main/F3");
        });
  }

  @Test
  void barmanWaitingForWalsCountsAsRunning() {
    BackupCatalog c = catalog(x -> {
      x.tool = "barman";
      x.name = "pg";
      x.add(backup("20261122T000000", b -> {
        b.status = "waiting_for_wals";
        b.startedAt = at("2026-11-22T00:00:00Z");
      }));
    });
    assertThat(t.findings(snap().collectedAt(at("2026-11-23T10:00:00Z")).backupTool(c))).singleElement()
        .satisfies(f -> {
          assertThat(f.message()).contains("has been waiting for wals for 1 d 10 h");
          assertThat(f.evidence()).containsEntry("usualDuration", "unknown (no completed backup of this kind)");
        });
  }

  @Test
  void aLongUsualDurationRaisesTheLimit() {
    BackupCatalog slow = catalog(x -> x.add(
        backup("F1", b -> { b.startedAt = at("2026-11-01T00:00:00Z"); b.stoppedAt = at("2026-11-01T10:00:00Z"); }),
        backup("F2", b -> { b.status = "running"; b.startedAt = at("2026-11-22T00:00:00Z"); })));
    // usual 10 h -> limit 30 h; 20 h running is fine
    assertThat(t.findings(snap().collectedAt(at("2026-11-22T20:00:00Z")).backupTool(slow))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-23T07:00:00Z")).backupTool(slow))).hasSize(1);
  }

  @Test
  void startedAfterTheCollectionTimeOrFinishedIsNotStuck() {
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T00:00:00Z")).backupTool(running("running")))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-23T10:00:00Z")).backupTool(running("ok")))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutCatalogues() {
    assertThat(t.result(snap().unavailable("backupTools", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
