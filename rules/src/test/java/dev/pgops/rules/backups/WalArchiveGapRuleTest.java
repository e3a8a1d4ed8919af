package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalArchiveGapRuleTest {
  private final RuleTester t = RuleTester.of(new WalArchiveGapRule());

  private static Backup full(String id, String startWal, String stopWal) {
    return backup(id, b -> {
      b.startedAt = at("2026-11-20T00:00:00Z");
      b.stoppedAt = at("2026-11-20T01:00:00Z");
      b.startWal = startWal;
      b.stopWal = stopWal;
    });
  }

  @Test
  void lostSegmentsAreCriticalDelayedOnesMedium() {
    BackupCatalog lost = catalog(c -> {
      c.tool = "wal-g";
      c.name = "";
      c.archive = new WalArchive("000000010000000000000002", "000000010000000000000040", "failure",
          List.of("timeline 1: 000000010000000000000010 - 000000010000000000000012 MISSING_LOST"));
    });
    assertThat(t.findings(snap().backupTool(lost))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("WAL-G reports the WAL archive broken", "MISSING_LOST", "cannot replay past the first gap");
      assertThat(f.remediation()).contains("wal-g wal-verify integrity timeline", "wal-g backup-push \"$PGDATA\" --full");
    });
    BackupCatalog delayed = catalog(c -> c.archive = new WalArchive(null, null, "warning", List.of()));
    assertThat(t.findings(snap().backupTool(delayed))).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void aBackupWhoseWalIsOutsideTheArchiveCannotBeRestored() {
    BackupCatalog c = catalog(x -> {
      x.archive = new WalArchive("000000010000000000000010", "000000010000000000000030", "unknown", List.of());
      x.add(full("F1", "000000010000000000000008", "000000010000000000000009"), // expired WAL
          full("F2", "000000010000000000000010", "000000010000000000000011"),  // fine: starts at min
          full("F3", "000000020000000000000030", "000000020000000000000031")); // ends past max (timeline 2)
    });
    var f = t.findings(snap().collectedAt(at("2026-11-21T00:00:00Z")).backupTool(c));
    assertThat(f).hasSize(2).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.CRITICAL));
    assertThat(f).extracting(x -> x.location().key())
        .containsExactly("backup:pgbackrest/main/F1", "backup:pgbackrest/main/F3");
    assertThat(f.get(0).message()).contains("before the archive's oldest segment 000000010000000000000010");
    assertThat(f.get(1).message()).contains("after the archive's newest segment 000000010000000000000030");
  }

  @Test
  void aContinuousArchiveIsAPass() {
    BackupCatalog c = catalog(x -> {
      x.tool = "pg_probackup";
      x.archive = new WalArchive("000000010000000000000001", "000000010000000000000030", "ok", List.of());
      x.add(full("S1", "000000010000000000000004", "000000010000000000000004"));
    });
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T00:00:00Z")).backupTool(c))).isEmpty();
  }

  @Test
  void unknownContinuityWithNothingOutsideIsNotEvaluatedNotPassed() {
    BackupCatalog c = catalog(x -> {
      x.archive = new WalArchive("000000010000000000000001", "000000010000000000000030", "unknown", List.of());
      x.add(full("F1", "000000010000000000000004", "000000010000000000000004"));
    });
    RuleResult r = t.result(snap().collectedAt(at("2026-11-21T00:00:00Z")).backupTool(c));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no backup tool reports WAL continuity", "pgbackrest verify");
    assertThat(t.result(snap().unavailable("backupTools", "not configured")).status())
        .isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
