package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalGParserTest {

  @Test
  void backupListDetailWithDeltaAndUint64Values() {
    BackupCatalog c = Fixtures.one(BackupTool.WAL_G, "s3://backups/db-01", "walg-backup-list-detail.json",
        "walg-wal-verify-ok.json");
    assertThat(c.tool()).isEqualTo("wal-g");
    assertThat(c.name()).isEqualTo("s3://backups/db-01");
    assertThat(c.source()).isEqualTo("file walg-backup-list-detail.json; file walg-wal-verify-ok.json");
    assertThat(c.ok()).isTrue();
    // 18302541207236042112 > 2^63: read exactly, never through a double
    assertThat(c.systemIdentifier()).isEqualTo("18302541207236042112");
    assertThat(c.pgMajor()).isEqualTo(16);

    Backup full = c.backups().get(0);
    assertThat(full).isEqualTo(new Backup("base_000000010000000000000004", "full", "ok",
        Instant.parse("2026-11-16T01:00:02.503101Z"), Instant.parse("2026-11-16T01:12:40.771652Z"), "0/4000028",
        "0/5000100", "000000010000000000000004", null, 52794654720L, 52794654720L, 8214052352L,
        "18302541207236042112", 16, null, List.of()));
    Backup delta = c.backups().get(1);
    assertThat(delta.kind()).isEqualTo("incremental");
    assertThat(delta.parent()).isEqualTo("base_000000010000000000000004");
    assertThat(delta.startLsn()).isEqualTo("0/8000028");
    // finish_lsn 18446744073692774440 = 0xFFFFFFFFFF000028, above 2^63
    assertThat(delta.stopLsn()).isEqualTo("FFFFFFFF/FF000028");
    assertThat(delta.databaseBytes()).isNull();
    assertThat(delta.backupBytes()).isEqualTo(2147483648L);

    assertThat(c.archive()).isEqualTo(new WalArchive("000000010000000000000004", "000000010000000000000011", "ok",
        List.of()));
    assertThat(c.checks()).containsExactly(new ToolCheck("timeline", true,
        "OK: current timeline 1, highest timeline in storage 1"));
    assertThat(c.raw().get("backup-list").size()).isEqualTo(2);
    assertThat(c.raw().at("/backup-list/0/system_identifier").bigIntegerValue()).hasToString("18302541207236042112");
    assertThat(c.raw().at("/wal-verify/integrity/status").asText()).isEqualTo("OK");
  }

  @Test
  void integrityFailureListsLostAndUploadingRangesAndTimelineFailureIsAFailingCheck() {
    BackupCatalog c = Fixtures.one(BackupTool.WAL_G, null, "walg-wal-verify-failure.json",
        "walg-backup-list-detail.json");
    assertThat(c.name()).isEmpty();
    assertThat(c.archive().continuity()).isEqualTo("failure");
    assertThat(c.archive().gaps()).containsExactly(
        "timeline 1: 00000001000000000000000A – 00000001000000000000000C lost (3 segments)",
        "timeline 1: 000000010000000000000011 – 000000010000000000000011 uploading (1 segment)");
    assertThat(c.archive().minWal()).isEqualTo("000000010000000000000004");
    assertThat(c.archive().maxWal()).isEqualTo("000000010000000000000010");
    assertThat(c.checks()).containsExactly(new ToolCheck("timeline", false,
        "FAILURE: current timeline 1, highest timeline in storage 2"));
  }

  @Test
  void withoutWalVerifyTheContinuityIsUnknown() {
    BackupCatalog c = Fixtures.one(BackupTool.WAL_G, null, "walg-backup-list-detail.json");
    assertThat(c.archive()).isEqualTo(WalArchive.unknown());
    assertThat(c.checks()).isEmpty();
    assertThat(c.raw().has("wal-verify")).isFalse();
  }

  @Test
  void aWarningIsAWarning() {
    String verify = """
        {"integrity": {"status": "WARNING", "details": [
          {"timeline_id": 1, "start_segment": "000000010000000000000004", "end_segment": "000000010000000000000007",
           "segments_count": 4, "status": "FOUND"},
          {"timeline_id": 1, "start_segment": "000000010000000000000008", "end_segment": "000000010000000000000008",
           "segments_count": 1, "status": "MISSING_DELAYED"}]}}
        """;
    BackupCatalog c = BackupToolParser.parse(BackupTool.WAL_G, null, List.of(Fixtures.file("walg-backup-list-detail.json"),
        new ToolOutput("command wal-g wal-verify integrity --json", ToolOutput.Role.WALG_WAL_VERIFY, verify))).get(0);
    assertThat(c.archive().continuity()).isEqualTo("warning");
    assertThat(c.archive().gaps()).containsExactly(
        "timeline 1: 000000010000000000000008 – 000000010000000000000008 delayed (1 segment)");
    assertThat(c.checks()).isEmpty();
  }

  @Test
  void backupListWithoutDetailIsUnsupported() {
    assertThatThrownBy(() -> Fixtures.one(BackupTool.WAL_G, null, "walg-backup-list-plain.json"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: wal-g backup-list --detail --json (file walg-backup-list-plain.json): "
            + "[0].start_lsn: missing (backup-list without --detail prints no LSNs, sizes or times)");
  }

  @Test
  void anLsnWrittenAsTextIsUnsupported() {
    String list = Fixtures.text("walg-backup-list-detail.json").replace("\"start_lsn\": 67108904", "\"start_lsn\": \"0/4000028\"");
    assertThatThrownBy(() -> BackupToolParser.parse(BackupTool.WAL_G, null,
        List.of(new ToolOutput("file x.json", null, list))))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageEndingWith("[0].start_lsn: expected an unsigned 64-bit integer, found a string");
  }

  @Test
  void anEmptyBackupListFromTheCommandIsNoBackups() {
    BackupCatalog c = BackupToolParser.parse(BackupTool.WAL_G, null, List.of(
        new ToolOutput("command wal-g backup-list --detail --json", ToolOutput.Role.WALG_BACKUP_LIST, "\n"))).get(0);
    assertThat(c.backups()).isEmpty();
    assertThat(c.systemIdentifier()).isNull();
  }
}
