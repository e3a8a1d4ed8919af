package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.backup.Argv;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgBackRestRepo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** --backup-tool, --backup-name, --backup-info and --backup-command of collect and check, against real servers. */
class BackupToolCliIT {
  @TempDir Path dir;

  private Path fixture(String name) throws Exception {
    Path f = dir.resolve(name);
    try (InputStream in = BackupToolCliIT.class.getResourceAsStream("/dev/pgops/backup/" + name)) {
      Files.write(f, in.readAllBytes());
    }
    return f;
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void collectReadsTheCatalogueFromFiles(int major) throws Exception {
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      Path out = dir.resolve("snap.json");
      CliRun run = CliRun.of("collect", "-d", pg.jdbcUrl("postgres") + "?user=postgres", "--backup-tool", "wal-g",
          "--backup-name", "s3://backups/db-01", "--backup-info", fixture("walg-backup-list-detail.json").toString(),
          "--backup-info", fixture("walg-wal-verify-failure.json").toString(), "-o", out.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).containsPattern("backupTools\\s+ok").containsPattern("control\\s+ok");
      Snapshot s = SnapshotJson.read(out).snapshot();
      BackupCatalog c = s.backupTools().collected().orElseThrow().get(0);
      assertThat(c.name()).isEqualTo("s3://backups/db-01");
      assertThat(c.systemIdentifier()).isEqualTo("18302541207236042112");
      assertThat(c.archive().continuity()).isEqualTo("failure");
      assertThat(s.control().isCollected()).isTrue();
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void checkWithAnUnknownShapeStillReportsEverythingElse(int major) throws Exception {
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      Path bad = fixture("pgbackrest-info-object.json");
      CliRun run = CliRun.of("check", "-d", pg.jdbcUrl("postgres") + "?user=postgres", "--backup-tool", "pgbackrest",
          "--backup-info", bad.toString(), "--format", "json", "-o", dir.toString());
      assertThat(run.exit()).as(run.err()).isIn(0, 1);
      JsonNode report = SnapshotJson.mapper().readTree(Files.readString(dir.resolve("report.json")));
      String reason = "unsupported format: pgbackrest info (file " + bad + "): top level: expected a JSON array of"
          + " stanzas, found an object";
      report.get("collectors").forEach(c -> {
        if (c.get("name").asText().equals("backupTools")) {
          assertThat(c.get("status").asText()).isEqualTo("failed");
          assertThat(c.get("reason").asText()).isEqualTo(reason);
        } else {
          assertThat(c.get("status").asText()).as(c.toString()).isIn("ok", "skipped");
        }
      });
      assertThat(report.get("findings")).isNotEmpty();
    }
  }

  @Test
  void collectRunsRealPgBackRestThroughBackupCommand() throws Exception {
    Assumptions.assumeTrue(PgBackRestRepo.installed(), PgBackRestRepo.NOT_INSTALLED);
    PgBackRestRepo repo = PgBackRestRepo.create(dir.resolve("pgbackrest"), "main");
    // PostgreSQL 13: the oldest major, which every pgBackRest 2.x backs up
    try (EmbeddedPg pg = EmbeddedPg.builder(13).config(repo.serverConfig()).start()) {
      repo.attach(pg);
      repo.stanzaCreate();
      String full = repo.backup("full");
      Path out = dir.resolve("snap.json.gz");
      CliRun run = CliRun.of("collect", "-d", pg.jdbcUrl("postgres") + "?user=postgres", "--backup-tool", "pgbackrest",
          "--backup-name", "main", "--backup-command", Argv.render(repo.program()), "--backup-timeout", "60",
          "-o", out.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      Snapshot s = SnapshotJson.read(out).snapshot();
      List<BackupCatalog> c = s.backupTools().collected().orElseThrow();
      assertThat(c).singleElement().satisfies(cat -> {
        assertThat(cat.backups()).extracting(BackupCatalog.Backup::id).containsExactly(full);
        assertThat(cat.systemIdentifier()).isEqualTo(s.control().collected().orElseThrow().systemIdentifier());
      });
    } catch (PgBackRestRepo.UnsupportedServer e) {
      Assumptions.abort(e.getMessage());
    }
  }
}
