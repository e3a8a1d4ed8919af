package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgBackRestRepo;
import dev.pgops.testing.PgMajors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real pgBackRest against an embedded server archiving into a local repository: stanza-create, check, a full and a
 * diff backup with writes and a WAL switch in between, then a snapshot whose backupTools section comes from running
 * {@code pgbackrest info --output=json}. PostgreSQL 13 always (the Debian pgBackRest 2.45 supports 13–15), plus the
 * configured majors; a major the installed pgBackRest does not support is skipped with pgBackRest's own message.
 */
class PgBackRestCollectIT {
  @TempDir Path tmp;

  static Stream<Integer> majors() {
    Set<Integer> m = new TreeSet<>(List.of(13));
    m.addAll(PgMajors.configured());
    return m.stream();
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void collectsAFullAndADiffBackupFromTheRealTool(int major) {
    Assumptions.assumeTrue(PgBackRestRepo.installed(), PgBackRestRepo.NOT_INSTALLED);
    PgBackRestRepo repo = PgBackRestRepo.create(tmp.resolve("pgbackrest"), "main");
    try (EmbeddedPg pg = EmbeddedPg.builder(major).config(repo.serverConfig()).start()) {
      repo.attach(pg);
      try {
        repo.stanzaCreate();
      } catch (PgBackRestRepo.UnsupportedServer e) {
        Assumptions.abort("PostgreSQL " + major + ": " + e.getMessage());
      }
      repo.check();
      String full = repo.backup("full");
      pg.exec("postgres", "CREATE TABLE orders AS SELECT g AS id, now() AS at FROM generate_series(1, 20000) g");
      pg.exec("postgres", "SELECT pg_switch_wal()");
      String diff = repo.backup("diff");

      CollectOptions opts = CollectOptions.defaults().withBackupTool(
          BackupToolOptions.of(BackupTool.PGBACKREST, "main").withProgram(repo.program()));
      Snapshot s = SnapshotCollector.collect(ConnectionSpec.resolve(pg.uri("postgres", null, "postgres"), Map.of(),
          null), opts);

      CollectorRun run = s.meta().collectors().stream().filter(r -> r.name().equals(BackupToolCollector.NAME))
          .findFirst().orElseThrow();
      assertThat(run.status()).as(run.reason()).isEqualTo(CollectorRun.Status.OK);
      assertThat(run.statements()).isZero();
      List<BackupCatalog> catalogs = s.backupTools().collected().orElseThrow();
      assertThat(catalogs).hasSize(1);
      BackupCatalog c = catalogs.get(0);
      assertThat(c.tool()).isEqualTo("pgbackrest");
      assertThat(c.name()).isEqualTo("main");
      assertThat(c.source()).isEqualTo("command " + String.join(" ", repo.program()) + " --stanza=main --output=json info");
      assertThat(c.ok()).as(c.statusMessage()).isTrue();
      assertThat(c.checks()).containsExactly(new BackupCatalog.ToolCheck("repo1", true, "ok"));

      assertThat(c.backups()).extracting(Backup::id).containsExactly(full, diff);
      Backup f = c.backups().get(0);
      Backup d = c.backups().get(1);
      assertThat(f.kind()).isEqualTo("full");
      assertThat(d.kind()).isEqualTo("differential");
      assertThat(d.parent()).isEqualTo(full);
      assertThat(List.of(f, d)).allSatisfy(b -> {
        assertThat(b.restorable()).isTrue();
        assertThat(b.stoppedAt()).isAfterOrEqualTo(b.startedAt());
        assertThat(b.startLsn()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(b.startWal()).matches("[0-9A-F]{24}");
        assertThat(b.databaseBytes()).isPositive();
        assertThat(b.errors()).isEmpty();
      });
      assertThat(d.startedAt()).isAfterOrEqualTo(f.stoppedAt());
      assertThat(d.backupBytes()).isLessThan(f.backupBytes());

      assertThat(c.archive().minWal()).matches("[0-9A-F]{24}");
      assertThat(c.archive().maxWal()).matches("[0-9A-F]{24}").isGreaterThanOrEqualTo(d.stopWal());
      assertThat(c.archive().minWal()).isLessThanOrEqualTo(f.startWal());

      ControlData control = s.control().collected().orElseThrow();
      assertThat(c.systemIdentifier()).isEqualTo(control.systemIdentifier());
      assertThat(f.systemIdentifier()).isEqualTo(control.systemIdentifier());
      assertThat(c.pgMajor()).isEqualTo(s.meta().version().major()).isEqualTo(major);
      assertThat(c.raw().get("name").asText()).isEqualTo("main");
    }
  }
}
