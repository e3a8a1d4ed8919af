package dev.pgops.collect.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.testing.EmbeddedPg;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The archiver on a server whose archive_command always fails: segments switched out wait as {@code .ready} files,
 * the failures are counted, and only a role that may call {@code pg_ls_archive_statusdir()} (pg_monitor) gets the
 * backlog count; any other role still gets the counters, with the count left unknown.
 */
class ArchiverCollectorIT {

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void readyFilesAreCountedForPgMonitorOnly(int major) throws InterruptedException {
    try (EmbeddedPg pg = EmbeddedPg.builder(major)
        .config("archive_mode", "on")
        .config("archive_command", "false")
        .start()) {
      pg.exec("postgres", "CREATE ROLE mon LOGIN; GRANT pg_monitor TO mon; CREATE ROLE plain LOGIN");
      for (int i = 0; i < 3; i++) {
        pg.exec("postgres", "CREATE TABLE IF NOT EXISTS w (g int); INSERT INTO w SELECT generate_series(1, 1000); "
            + "SELECT pg_switch_wal()");
      }
      SnapshotCollector.Outcome<ArchiverStats> mon = collect(pg, "mon");
      for (int i = 0; i < 40 && !failedOnce(mon); i++) {
        Thread.sleep(250);
        mon = collect(pg, "mon");
      }
      assertThat(mon.run().status()).as(mon.run().reason()).isEqualTo(CollectorRun.Status.OK);
      ArchiverStats a = mon.section().collected().orElseThrow();
      assertThat(a.archivedCount()).isZero();
      assertThat(a.failedCount()).isPositive();
      assertThat(a.lastFailedWal()).matches("[0-9A-F]{24}");
      // three switched-out segments wait; the archiver retries the oldest, which keeps its .ready
      assertThat(a.readyCount()).isNotNull().isGreaterThanOrEqualTo(3L);
      assertThat(mon.run().statements()).isEqualTo(4); // version, privilege, count, pg_stat_archiver

      SnapshotCollector.Outcome<ArchiverStats> plain = collect(pg, "plain");
      assertThat(plain.run().status()).as(plain.run().reason()).isEqualTo(CollectorRun.Status.OK);
      ArchiverStats p = plain.section().collected().orElseThrow();
      assertThat(p.readyCount()).isNull();
      assertThat(p.failedCount()).isPositive();
    }
  }

  private static boolean failedOnce(SnapshotCollector.Outcome<ArchiverStats> o) {
    return o.section().collected().map(a -> a.failedCount() > 0).orElse(true);
  }

  private static SnapshotCollector.Outcome<ArchiverStats> collect(EmbeddedPg pg, String user) {
    try (PgSession s = PgSession.open(ConnectionSpec.resolve(pg.uri(user, null, "postgres"), Map.of(), null))) {
      return SnapshotCollector.runOne(s, new ArchiverCollector(), s.statementTimeoutMs());
    }
  }
}
