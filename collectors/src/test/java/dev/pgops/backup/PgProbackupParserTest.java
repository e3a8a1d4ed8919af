package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgProbackupParserTest {

  @Test
  void showWithCorruptErrorAndDegradedArchive() {
    List<BackupCatalog> all = Fixtures.parse(BackupTool.PG_PROBACKUP, null, "probackup-show-archive.json",
        "probackup-show.json");
    assertThat(all).extracting(BackupCatalog::name).containsExactly("node", "replica");
    BackupCatalog node = all.get(0);
    assertThat(node.tool()).isEqualTo("pg_probackup");
    assertThat(node.pgMajor()).isEqualTo(16);
    assertThat(node.systemIdentifier()).isNull();
    // pg_probackup lists newest first; the catalogue is oldest first
    assertThat(node.backups()).extracting(Backup::id, Backup::kind, Backup::status, Backup::parent).containsExactly(
        tuple("T49ZZ0", "full", "ok", null),
        tuple("T4AR7A", "full", "failed", null),
        tuple("T4AT11", "incremental", "corrupt", "T49ZZ0"),
        tuple("T4AXQ2", "full", "ok", null),
        tuple("T4B2PF", "incremental", "ok", "T4AXQ2"));
    Backup page = node.backups().get(4);
    assertThat(page).isEqualTo(new Backup("T4B2PF", "incremental", "ok", Instant.parse("2026-11-22T01:00:03Z"),
        Instant.parse("2026-11-22T01:01:09Z"), "0/E000028", "0/E000160", null, null, 53955526656L, 536870912L,
        104857600L, null, 16, "T4AXQ2", List.of()));
    assertThat(node.backups().get(1).stoppedAt()).isNull();

    // timeline 2 lost segments after its oldest restorable backup (0/C000028, segment C): restores break;
    // timeline 1 lost segments 2–3 before its oldest restorable backup (segment 4): only the PITR window shrinks
    assertThat(node.archive().continuity()).isEqualTo("failure");
    assertThat(node.archive().gaps()).containsExactly(
        "timeline 2: 00000002000000000000000D – 00000002000000000000000E lost",
        "timeline 1: 000000010000000000000002 – 000000010000000000000003 lost (before the oldest restorable backup"
            + " on this timeline)");
    assertThat(node.archive().minWal()).isEqualTo("000000010000000000000001");
    assertThat(node.archive().maxWal()).isEqualTo("000000020000000000000011");
    assertThat(node.raw().at("/show/backups/0/id").asText()).isEqualTo("T4B2PF");
    assertThat(node.raw().at("/archive/timelines/0/status").asText()).isEqualTo("DEGRADED");

    BackupCatalog replica = all.get(1);
    assertThat(replica.backups()).isEmpty();
    assertThat(replica.archive().continuity()).isEqualTo("unknown");
  }

  @Test
  void lostSegmentsOnlyBeforeTheOldestBackupAreAWarning() {
    String archive = Fixtures.text("probackup-show-archive.json")
        .replace("\"begin-segno\": \"00000002000000000000000D\", \"end-segno\": \"00000002000000000000000E\"",
            "\"begin-segno\": \"00000002000000000000000B\", \"end-segno\": \"00000002000000000000000B\"");
    BackupCatalog c = BackupToolParser.parse(BackupTool.PG_PROBACKUP, "node", List.of(
        Fixtures.file("probackup-show.json"), new ToolOutput("file archive.json", null, archive))).get(0);
    assertThat(c.archive().continuity()).isEqualTo("warning");
  }

  @Test
  void olderVersionsPrintSegmentNumbersWithoutTheTimeline() {
    String archive = """
        [{"instance": "node", "timelines": [{"tli": 1, "parent-tli": 0, "switchpoint": "0/0",
          "min-segno": "0000000000000001", "max-segno": "000000000000000A", "n-segments": 10, "size": 8774805,
          "zratio": 19.00, "closest-backup-id": "", "status": "OK", "lost-segments": [], "backups": []}]}]
        """;
    BackupCatalog c = BackupToolParser.parse(BackupTool.PG_PROBACKUP, "node", List.of(
        Fixtures.file("probackup-show.json"), new ToolOutput("file archive.json", null, archive))).get(0);
    assertThat(c.archive()).isEqualTo(new BackupCatalog.WalArchive("000000010000000000000001",
        "00000001000000000000000A", "ok", List.of()));
  }

  @Test
  void anInstanceCanBeChosen() {
    BackupCatalog c = Fixtures.one(BackupTool.PG_PROBACKUP, "replica", "probackup-show.json");
    assertThat(c.name()).isEqualTo("replica");
    assertThatThrownBy(() -> Fixtures.one(BackupTool.PG_PROBACKUP, "other", "probackup-show.json"))
        .isInstanceOf(BackupToolException.class)
        .hasMessage("pg_probackup instance 'other' is not in pg_probackup show --format=json (file probackup-show.json),"
            + " instances: node, replica");
  }

  @Test
  void anUnknownProgramVersionIsUnsupported() {
    assertThatThrownBy(() -> Fixtures.one(BackupTool.PG_PROBACKUP, null, "probackup-show-v3.json"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: pg_probackup show --format=json (file probackup-show-v3.json): "
            + "[0].backups[0].program-version: pg_probackup 3.0.1; this pgops reads pg_probackup 2.x");
  }

  @Test
  void aTopLevelObjectIsUnsupported() {
    assertThatThrownBy(() -> BackupToolParser.parse(BackupTool.PG_PROBACKUP, null,
        List.of(new ToolOutput("file show.json", null, "{\"instance\": \"node\", \"backups\": []}"))))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("unsupported format: pg_probackup (file show.json): top level: expected a JSON array of"
            + " instances");
  }

  @Test
  void aBadTimeIsUnsupported() {
    String show = Fixtures.text("probackup-show.json").replace("2026-11-22 03:00:03+02", "22/11/2026 03:00");
    assertThatThrownBy(() -> BackupToolParser.parse(BackupTool.PG_PROBACKUP, null,
        List.of(new ToolOutput("file show.json", null, show))))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageEndingWith("[0].backups[0].start-time: '22/11/2026 03:00' is not a time like 2019-06-17 18:25:11+03");
  }
}
