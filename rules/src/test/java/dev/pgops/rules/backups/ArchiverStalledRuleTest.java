package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.config;
import static dev.pgops.rules.testing.OpsFixtures.ago;
import static dev.pgops.rules.testing.OpsFixtures.archiver;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiverStalledRuleTest {
  private final RuleTester t = RuleTester.of(new ArchiverStalledRule());

  @Test
  void staleArchiveWithTimeoutIsMedium() {
    // archive_timeout 60 s -> limit max(rpo 15 min, 2 min) = 15 min
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
        .archiver(archiver(100, ago(Duration.ofMinutes(15)), 0, null)))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "0", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(16)), 0, null)))).hasSize(1);
  }

  @Test
  void theLimitIsThePolicyRpo() {
    var snap = snap().setting("archive_mode", "on").setting("archive_timeout", "60", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(8)), 0, null));
    assertThat(t.findings(snap)).isEmpty();
    assertThat(t.config(config("backup:\n  rpo: 5m\n")).findings(snap)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("8 min ago", "over the 5 min limit", "beyond the 5 min RPO");
      assertThat(f.evidence()).containsEntry("limit", "5 min = max(backup.rpo 5 min, 2 × archive_timeout)");
    });
  }

  @Test
  void theSameArchiverFlipsWhenTheCollectionTimeMoves() {
    var stats = archiver(100, at("2026-11-23T09:50:00Z"), 0, null);
    assertThat(t.findings(snap().collectedAt(at("2026-11-23T10:00:00Z")).setting("archive_mode", "on")
        .setting("archive_timeout", "60", "s").archiver(stats))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-24T10:00:00Z")).setting("archive_mode", "on")
        .setting("archive_timeout", "60", "s").archiver(stats))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("1 d 0 h ago"));
  }

  @Test
  void aToolArchiveBehindTheServersLastArchivedSegmentIsHigh() {
    // the server archived ...0AF1 a minute ago; the stanza's archive ends at ...0AE0: 17 segments behind
    BackupCatalog behind = catalog(c -> c.archive = new WalArchive("000000010000000A00000001", "000000010000000A000000E0",
        "unknown", List.of()));
    var f = t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "60", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(1)), 0, null)).backupTool(behind));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.location().key()).isEqualTo("backup-catalog:pgbackrest/main");
      assertThat(x.message()).contains("ends at 000000010000000A000000E0", "000000010000000A000000F1", "17 segments (272 MB)");
    });
    // two segments behind is the race between reading the archiver and the catalogue: allowed
    BackupCatalog close = catalog(c -> c.archive = new WalArchive("000000010000000A00000001", "000000010000000A000000EF",
        "unknown", List.of()));
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "60", "s")
        .archiver(archiver(100, ago(Duration.ofMinutes(1)), 0, null)).backupTool(close))).isEmpty();
  }

  @Test
  void segmentsAreCountedAcrossLogBoundariesWithTheServersSegmentSize() {
    // 64 MB segments: 64 per log; 000000010000000B00000002 is 2 + 64 - 62 = 4 after ...0A0000003E
    var stats = new ArchiverStats(100, "000000010000000B00000002", ago(Duration.ofMinutes(1)), 0, null, null, null);
    BackupCatalog c = catalog(x -> x.archive = new WalArchive(null, "000000010000000A0000003E", "unknown", List.of()));
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_timeout", "60", "s")
        .setting("wal_segment_size", "67108864", "B").archiver(stats).backupTool(c)))
        .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("segmentsBehind", "4"));
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
