package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgBackRestParserTest {

  @Test
  void fullDiffIncrWithHistoryLockAndChecksumErrors() {
    List<BackupCatalog> all = Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info.json");
    assertThat(all).extracting(BackupCatalog::name).containsExactly("main", "reporting");
    BackupCatalog main = all.get(0);

    assertThat(main.tool()).isEqualTo("pgbackrest");
    assertThat(main.source()).isEqualTo("file pgbackrest-info.json");
    assertThat(main.ok()).isTrue();
    assertThat(main.statusMessage()).isEqualTo("backup/expire running");
    // the current database is the newest db[] entry (after a pg_upgrade from 15 to 16)
    assertThat(main.systemIdentifier()).isEqualTo("7389236541812359123");
    assertThat(main.pgMajor()).isEqualTo(16);
    assertThat(main.checks()).containsExactly(
        new ToolCheck("repo1", true, "ok"),
        new ToolCheck(PgBackRestParser.BACKUP_LOCK_CHECK, true,
            "held: backup/expire running, 13488881664 of 53955526656 bytes done (25.0 %)"));
    // archive min/max of the current database (16-2) only
    assertThat(main.archive()).isEqualTo(new BackupCatalog.WalArchive("000000010000000400000002",
        "0000000100000005000000A3", "unknown", List.of()));

    assertThat(main.backups()).hasSize(3);
    Backup full = main.backups().get(0);
    assertThat(full).isEqualTo(new Backup("20261116-010002F", "full", "ok", Instant.parse("2026-11-16T01:00:02Z"),
        Instant.parse("2026-11-16T01:12:40Z"), "4/2000028", "4/3000100", "000000010000000400000002",
        "000000010000000400000003", 52794654720L, 52794654720L, 8214052352L, "7389236541812359123", 16, null,
        List.of()));
    Backup diff = main.backups().get(1);
    assertThat(diff.kind()).isEqualTo("differential");
    assertThat(diff.parent()).isEqualTo("20261116-010002F");
    assertThat(diff.backupBytes()).isEqualTo(2147483648L);
    assertThat(diff.repoBytes()).isEqualTo(402653184L);
    Backup incr = main.backups().get(2);
    assertThat(incr.kind()).isEqualTo("incremental");
    assertThat(incr.parent()).isEqualTo("20261116-010002F_20261120-010001D");
    assertThat(incr.restorable()).isTrue();
    assertThat(incr.errors()).containsExactly("page checksum errors in base/16384/16402, base/16384/16410.1");
    assertThat(main.raw().get("name").asText()).isEqualTo("main");
    assertThat(main.raw().at("/db/1/system-id").bigIntegerValue()).hasToString("7389236541812359123");
  }

  @Test
  void noValidBackupsIsAnErrorStatusWithAnEmptyArchive() {
    BackupCatalog reporting = Fixtures.parse(BackupTool.PGBACKREST, "reporting", "pgbackrest-info.json").get(0);
    assertThat(reporting.name()).isEqualTo("reporting");
    assertThat(reporting.status()).isEqualTo("error");
    assertThat(reporting.statusMessage()).isEqualTo("code 2: no valid backups (repo1: no valid backups)");
    assertThat(reporting.backups()).isEmpty();
    assertThat(reporting.archive().minWal()).isNull();
    assertThat(reporting.archive().maxWal()).isNull();
    assertThat(reporting.checks()).containsExactly(new ToolCheck("repo1", false, "code 2: no valid backups"));
    assertThat(reporting.systemIdentifier()).isEqualTo("7437950311826483210");
    assertThat(reporting.pgMajor()).isEqualTo(17);
  }

  @Test
  void code99AndMixedCarryTheReposErrorsOnOneLine() {
    List<BackupCatalog> all = Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info-error.json");
    BackupCatalog mixed = all.get(0);
    assertThat(mixed.status()).isEqualTo("error");
    assertThat(mixed.statusMessage()).isEqualTo("code 4: different across repos (repo1: [CryptoError] unable to flush"
        + " HINT: is or was the repo encrypted?; repo2: missing stanza path)");
    assertThat(mixed.checks()).extracting(ToolCheck::name, ToolCheck::ok)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("repo1", false), org.assertj.core.groups.Tuple.tuple("repo2", false));
    assertThat(mixed.systemIdentifier()).isNull();
    assertThat(mixed.pgMajor()).isNull();

    BackupCatalog other = all.get(1);
    assertThat(other.statusMessage()).startsWith("code 99: other (repo1: [FileMissingError] unable to load info file");
    assertThat(other.checks().get(0).message()).startsWith("code 99: [FileMissingError]");
  }

  @ParameterizedTest(name = "code {0}")
  @CsvSource({
      "1, missing stanza path", "2, no valid backups", "3, missing stanza data", "4, different across repos",
      "5, database mismatch across repos", "6, requested backup not found", "99, other"})
  void everyStatusCodeIsAnError(int code, String message) throws Exception {
    String json = """
        [{"name": "main", "cipher": "none", "db": [], "archive": [], "backup": [],
          "repo": [{"key": 1, "cipher": "none", "status": {"code": %d, "message": "%s"}}],
          "status": {"code": %d, "message": "%s", "lock": {"backup": {"held": false}}}}]
        """.formatted(code, message, code, message);
    BackupCatalog c = PgBackRestParser.parse(JsonMapper.builder().build().readTree(json), "test").get(0);
    assertThat(c.ok()).isFalse();
    assertThat(c.statusMessage()).startsWith("code " + code + ": " + message);
    assertThat(c.checks()).containsExactly(new ToolCheck("repo1", false, "code " + code + ": " + message));
  }

  @Test
  void aStanzaThatIsNotListedFailsWithTheStanzasThatAre() {
    assertThatThrownBy(() -> Fixtures.parse(BackupTool.PGBACKREST, "nope", "pgbackrest-info.json"))
        .isInstanceOf(BackupToolException.class)
        .hasMessage("pgbackrest stanza 'nope' is not in pgbackrest info (file pgbackrest-info.json), stanzas: main,"
            + " reporting");
  }

  @Test
  void aTopLevelObjectIsUnsupported() {
    assertThatThrownBy(() -> Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info-object.json"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: pgbackrest info (file pgbackrest-info-object.json): top level: expected a JSON"
            + " array of stanzas, found an object");
  }

  @Test
  void anUnknownRepositoryFormatIsUnsupported() {
    assertThatThrownBy(() -> Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info-format6.json"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: pgbackrest info (file pgbackrest-info-format6.json): [0].backup[0].backrest"
            + ".format: repository format 6 (pgBackRest 3.0.0); this pgops reads format 5");
  }

  @Test
  void aWrongTypeNamesItsPath() {
    assertThatThrownBy(() -> Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info-wrong-type.json"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: pgbackrest info (file pgbackrest-info-wrong-type.json): "
            + "[0].backup[0].timestamp.start: expected an integer, found a string");
  }

  @Test
  void aMissingRequiredKeyNamesItsPath() throws Exception {
    String json = """
        [{"name": "main", "status": {"code": 0, "message": "ok"},
          "backup": [{"label": "20261116-010002F", "type": "full", "backrest": {"format": 5, "version": "2.45"},
                      "info": {"size": 1, "delta": 1}, "database": {"id": 1}}]}]
        """;
    assertThatThrownBy(() -> PgBackRestParser.parse(JsonMapper.builder().build().readTree(json), "stdin"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("unsupported format: pgbackrest info (stdin): [0].backup[0].timestamp: missing");
  }
}
