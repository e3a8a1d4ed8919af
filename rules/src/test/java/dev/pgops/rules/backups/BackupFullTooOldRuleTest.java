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
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupFullTooOldRuleTest {
  private final RuleTester t = RuleTester.of(new BackupFullTooOldRule());

  /** Weekly fulls, daily incrementals; the newest full ended 2026-11-17 01:00. */
  private static BackupCatalog weekly() {
    return catalog(c -> c.add(
        full("F1", at("2026-11-10T01:00:00Z")),
        incr("I1", at("2026-11-11T01:00:00Z")),
        full("F2", at("2026-11-17T01:00:00Z")),
        incr("I2", at("2026-11-18T01:00:00Z"))));
  }

  @Test
  void theSameCatalogueFlipsWhenTheCollectionTimeMoves() {
    // +1 d after the newest full: fine; +8 d 12 h: over 8 d (high); +10 d: over 9 d (critical)
    assertThat(t.findings(snap().collectedAt(at("2026-11-18T01:00:00Z")).backupTool(weekly()))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-25T13:00:00Z")).backupTool(weekly())))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
          assertThat(f.message()).contains("pgBackRest stanza 'main'", "F2", "8 d 12 h ago", "over the 8 d 0 h limit");
          assertThat(f.evidence()).containsEntry("lastFull", "F2");
        });
    assertThat(t.findings(snap().collectedAt(at("2026-11-27T01:00:00Z")).backupTool(weekly())))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(f.message()).contains("10 d 0 h ago", "9 d 0 h limit");
          assertThat(f.location().key()).isEqualTo("backup-catalog:pgbackrest/main");
        });
  }

  @Test
  void justAtTheLimitIsNoFinding() {
    assertThat(t.findings(snap().collectedAt(at("2026-11-25T01:00:00Z")).backupTool(weekly()))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-25T01:00:01Z")).backupTool(weekly()))).hasSize(1);
  }

  @Test
  void backupsEndingAfterTheCollectionTimeDidNotExistYet() {
    BackupCatalog c = catalog(full("F1", at("2026-11-07T01:00:00Z")), full("F2", at("2026-11-17T01:00:00Z")));
    // collected on 11-16 23:00: F2 is in the catalogue but had not happened yet, F1 is 9 d 22 h old
    assertThat(t.findings(snap().collectedAt(at("2026-11-16T23:00:00Z")).backupTool(c)))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(f.evidence()).containsEntry("lastFull", "F1");
        });
    assertThat(t.findings(snap().collectedAt(at("2026-11-17T01:00:00Z")).backupTool(c))).isEmpty();
  }

  @Test
  void theIntervalAndGraceComeFromThePolicy() {
    Instant now = at("2026-11-19T13:00:00Z"); // F2 2 d 12 h old
    assertThat(t.findings(snap().collectedAt(now).backupTool(weekly()))).isEmpty();
    // daily fulls: late after 2 d (high), 3 d critical
    assertThat(t.config(config("backup:\n  fullInterval: 1d\n")).findings(snap().collectedAt(now).backupTool(weekly())))
        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    // a 12 h grace: critical after 1 d + 24 h
    assertThat(t.config(config("backup:\n  fullInterval: 1d\nrules:\n  backup-full-too-old:\n    graceHours: 12\n"))
        .findings(snap().collectedAt(now).backupTool(weekly())))
        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void failedAndRunningFullsDoNotCount() {
    BackupCatalog c = catalog(x -> x.add(
        full("F1", at("2026-11-01T01:00:00Z")),
        backup("F2", b -> { b.status = "failed"; b.startedAt = at("2026-11-20T00:00:00Z"); b.stoppedAt = at("2026-11-20T01:00:00Z"); }),
        backup("F3", b -> { b.status = "running"; b.startedAt = at("2026-11-22T00:00:00Z"); })));
    assertThat(t.findings(snap().collectedAt(at("2026-11-22T12:00:00Z")).backupTool(c)))
        .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("lastFull", "F1"));
  }

  @Test
  void onlyIncrementalsLeftIsCritical() {
    BackupCatalog c = catalog(x -> x.add(
        backup("F1", b -> { b.status = "corrupt"; b.startedAt = at("2026-11-16T00:00:00Z"); b.stoppedAt = at("2026-11-16T01:00:00Z"); }),
        incr("I1", at("2026-11-22T01:00:00Z"))));
    assertThat(t.findings(snap().collectedAt(at("2026-11-22T12:00:00Z")).backupTool(c)))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(f.message()).contains("no restorable full backup");
        });
  }

  @Test
  void aCatalogueWithNothingRestorableIsLeftToBackupTooOld() {
    assertThat(t.findings(snap().backupTool(catalog()))).isEmpty();
  }

  @Test
  void everyCatalogueIsJudgedOnItsOwn() {
    BackupCatalog walg = catalog(c -> {
      c.tool = "wal-g";
      c.name = "";
      c.add(full("base_000000010000000000000004", at("2026-11-01T00:00:00Z")));
    });
    var f = t.findings(snap().collectedAt(at("2026-11-18T01:00:00Z")).backupTool(weekly()).backupTool(walg));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.location().key()).isEqualTo("backup-catalog:wal-g");
      assertThat(x.message()).startsWith("WAL-G: the newest full backup base_000000010000000000000004");
      assertThat(x.remediation()).contains("wal-g backup-push \"$PGDATA\" --full");
    });
  }

  @Test
  void notEvaluatedWithoutBackupToolCatalogues() {
    RuleResult r = t.result(snap().unavailable("backupTools", "no backup tool configured (--pgbackrest-stanza)"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).isEqualTo("backup tools not collected: no backup tool configured (--pgbackrest-stanza)");
    RuleResult empty = t.result(snap());
    assertThat(empty.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(empty.reason()).contains("no backup tool catalogue");
  }
}
