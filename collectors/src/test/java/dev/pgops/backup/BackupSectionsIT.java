package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgMajors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The control and backupTools sections in a real collection: pg_control_system() for a plain role, a pg_monitor
 * role and after EXECUTE was revoked; a backup tool read from a file; one whose JSON has an unknown shape fails
 * soft while every other section is collected.
 */
class BackupSectionsIT {
  private static final Map<Integer, EmbeddedPg> SERVERS = new HashMap<>();

  @TempDir Path tmp;

  private static synchronized EmbeddedPg server(int major) {
    return SERVERS.computeIfAbsent(major, m -> {
      EmbeddedPg pg = EmbeddedPg.start(m);
      pg.exec("postgres", "CREATE ROLE mon LOGIN; GRANT pg_monitor TO mon; CREATE ROLE plain LOGIN;"
          + " CREATE EXTENSION pg_stat_statements");
      return pg;
    });
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(EmbeddedPg::close);
  }

  private static ConnectionSpec as(EmbeddedPg pg, String user) {
    return ConnectionSpec.resolve(pg.uri(user, null, "postgres"), Map.of(), null);
  }

  /** A whole collection as {@code user}, the pgBackRest info read from {@code fixture} copied to {@code file}. */
  private static Snapshot collectWithInfoFile(int major, String user, String fixture, Path file) throws Exception {
    Files.writeString(file, Fixtures.text(fixture));
    return SnapshotCollector.collect(as(server(major), user), CollectOptions.defaults().withBackupTool(
        BackupToolOptions.of(BackupTool.PGBACKREST, "main").withFiles(List.of(file))));
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void controlDataForAnyRoleUnlessRevoked(int major) throws Exception {
    EmbeddedPg pg = server(major);
    String expected;
    try (var c = pg.connect("postgres"); var st = c.createStatement();
         var rs = st.executeQuery("SELECT system_identifier, pg_control_version, catalog_version_no FROM pg_control_system()")) {
      rs.next();
      expected = Long.toUnsignedString(rs.getLong(1));
      for (String user : List.of("postgres", "mon", "plain")) {
        try (PgSession s = PgSession.open(as(pg, user))) {
          var out = SnapshotCollector.runOne(s, new ControlDataCollector(), 5000);
          assertThat(out.run().status()).as(user + ": " + out.run().reason()).isEqualTo(CollectorRun.Status.OK);
          assertThat(out.section().collected().orElseThrow())
              .isEqualTo(new ControlData(expected, rs.getInt(2), rs.getLong(3)));
        }
      }
    }
    pg.exec("postgres", "REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC");
    try (PgSession s = PgSession.open(as(pg, "mon"))) {
      var out = SnapshotCollector.runOne(s, new ControlDataCollector(), 5000);
      assertThat(out.run().status()).isEqualTo(CollectorRun.Status.SKIPPED);
      assertThat(out.run().reason()).isEqualTo("permission denied for function pg_control_system (EXECUTE was revoked"
          + " from PUBLIC: GRANT EXECUTE ON FUNCTION pg_control_system() TO mon)");
    } finally {
      pg.exec("postgres", "GRANT EXECUTE ON FUNCTION pg_control_system() TO PUBLIC");
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aToolReadFromAFileFillsTheSection(int major) throws Exception {
    Path info = tmp.resolve("info.json");
    Snapshot s = collectWithInfoFile(major, "mon", "pgbackrest-info.json", info);
    List<BackupCatalog> c = s.backupTools().collected().orElseThrow();
    assertThat(c).extracting(BackupCatalog::name).containsExactly("main");
    assertThat(c.get(0).source()).isEqualTo("file " + info);
    assertThat(s.meta().collectors()).filteredOn(r -> r.name().equals("backupTools")).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(CollectorRun.Status.OK));
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void anUnknownShapeFailsSoftAndTheRestOfTheSnapshotIsComplete(int major) throws Exception {
    Path info = tmp.resolve("info.json");
    Snapshot s = collectWithInfoFile(major, "postgres", "pgbackrest-info-object.json", info);
    String reason = "unsupported format: pgbackrest info (file " + info + "): top level: expected a JSON array of"
        + " stanzas, found an object";
    assertThat(s.backupTools().unavailableReason()).contains(reason);
    assertThat(s.meta().collectors()).allSatisfy(r -> {
      if (r.name().equals("backupTools")) {
        assertThat(r.status()).isEqualTo(CollectorRun.Status.FAILED);
        assertThat(r.reason()).isEqualTo(reason);
      } else {
        assertThat(r.status()).as(r.name() + ": " + r.reason()).isEqualTo(CollectorRun.Status.OK);
      }
    });
    assertThat(List.of(s.settings(), s.databases(), s.tables(), s.indexes(), s.activity(), s.archiver(), s.control(),
        s.pressure())).allSatisfy(sec -> assertThat(sec.isCollected()).isTrue());
  }
}
