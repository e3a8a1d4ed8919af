package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarmanParserTest {

  @Test
  void listShowAndCheckOfOneServer() {
    BackupCatalog c = Fixtures.one(BackupTool.BARMAN, "pg", "barman-check.json", "barman-list-backups.json",
        "barman-show-backup-done.json", "barman-show-backup-failed.json");
    assertThat(c.tool()).isEqualTo("barman");
    assertThat(c.name()).isEqualTo("pg");
    assertThat(c.ok()).isTrue();
    assertThat(c.systemIdentifier()).isEqualTo("7389236541812359123");
    assertThat(c.pgMajor()).isEqualTo(16);

    // oldest first; a backup without times (STARTED, FAILED) sorts last
    assertThat(c.backups()).extracting(Backup::id, Backup::status, Backup::kind).containsExactly(
        tuple("20261116T010002", "ok", "full"),
        tuple("20261122T010003", "waiting_for_wals", "incremental"),
        tuple("20261121T010002", "failed", "full"),
        tuple("20261123T010000", "running", "full"));
    Backup done = c.backups().get(0);
    assertThat(done).isEqualTo(new Backup("20261116T010002", "full", "ok", Instant.parse("2026-11-16T01:00:02Z"),
        Instant.parse("2026-11-16T01:12:40Z"), "4/2000028", "4/3000100", "000000010000000400000002",
        "000000010000000400000003", 53794654720L, 52794654720L, 52794654720L, "7389236541812359123", 16, null,
        List.of()));
    Backup waiting = c.backups().get(1);
    assertThat(waiting.restorable()).isFalse();
    assertThat(waiting.stoppedAt()).isEqualTo(Instant.parse("2026-11-22T01:09:31Z"));
    assertThat(waiting.repoBytes()).isEqualTo(1288490188L);
    Backup failed = c.backups().get(2);
    assertThat(failed.errors()).containsExactly(
        "failure during backup (pg_basebackup exited with code 1: could not connect to server)");
    assertThat(failed.stoppedAt()).isNull();

    assertThat(c.archive().minWal()).isEqualTo("000000010000000400000002");
    assertThat(c.archive().maxWal()).isEqualTo("0000000100000005000000A3");
    assertThat(c.archive().continuity()).isEqualTo("unknown");

    assertThat(c.checks()).hasSize(12);
    assertThat(c.checks()).filteredOn(ch -> !ch.ok()).extracting(ToolCheck::name).containsExactly(
        "archiver_errors", "backup_maximum_age", "failed_backups", "minimum_redundancy_requirements");
    assertThat(c.checks()).contains(new ToolCheck("failed_backups", false, "there are 1 failed backups"));
    assertThat(c.raw().get("list-backups").size()).isEqualTo(4);
    assertThat(c.raw().get("show-backup").size()).isEqualTo(2);
    assertThat(c.raw().at("/check/wal_level/status").asText()).isEqualTo("OK");
  }

  @Test
  void listBackupsAloneGivesTheBackupsWithoutShowDetails() {
    BackupCatalog c = Fixtures.one(BackupTool.BARMAN, null, "barman-list-backups.json");
    assertThat(c.systemIdentifier()).isNull();
    assertThat(c.backups()).hasSize(4);
    assertThat(c.backups().get(0).startedAt()).isNull();
    assertThat(c.backups().get(0).stoppedAt()).isEqualTo(Instant.parse("2026-11-16T01:12:40Z"));
    assertThat(c.checks()).isEmpty();
  }

  @Test
  void barmansErrorKeyMakesTheCatalogueAnError() {
    String list = """
        {"_ERROR": ["Connection error: could not connect to server\\nIs the server running?"], "pg": []}
        """;
    BackupCatalog c = BackupToolParser.parse(BackupTool.BARMAN, "pg",
        List.of(new ToolOutput("file list.json", null, list))).get(0);
    assertThat(c.status()).isEqualTo("error");
    assertThat(c.statusMessage()).isEqualTo("Connection error: could not connect to server Is the server running?");
  }

  @Test
  void theEpochTimestampMustBeAString() {
    String list = Fixtures.text("barman-list-backups.json").replace("\"1794791560\"", "1794791560");
    assertThatThrownBy(() -> BackupToolParser.parse(BackupTool.BARMAN, null,
        List.of(new ToolOutput("file list.json", null, list))))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: barman list-backups (file list.json): pg[3].end_time_timestamp: "
            + "expected a string, found an integer");
  }

  @Test
  void anUnknownServerNamesTheKnownOnes() {
    assertThatThrownBy(() -> Fixtures.one(BackupTool.BARMAN, "main", "barman-list-backups.json"))
        .isInstanceOf(BackupToolException.class)
        .hasMessage("barman server 'main' is not in barman list-backups (file barman-list-backups.json), servers: pg");
  }

  @Test
  void showBackupWithoutListBackupsIsNotEnough() {
    assertThatThrownBy(() -> Fixtures.one(BackupTool.BARMAN, "pg", "barman-show-backup-done.json"))
        .isInstanceOf(BackupToolException.class)
        .hasMessage("barman: no barman list-backups output among the inputs");
  }

  @Test
  void jsonOfAnotherCommandIsUnsupported() {
    assertThatThrownBy(() -> BackupToolParser.parse(BackupTool.BARMAN, null,
        List.of(new ToolOutput("file status.json", null, "{\"pg\": {\"active\": true}}"))))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("unsupported format: barman (file status.json): top level: neither barman list-backups");
  }
}
