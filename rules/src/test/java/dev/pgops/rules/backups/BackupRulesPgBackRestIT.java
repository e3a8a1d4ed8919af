package dev.pgops.rules.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.backup.BackupTool;
import dev.pgops.backup.BackupToolOptions;
import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.findings.Finding;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgBackRestRepo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's first acceptance test, rule side: real pgBackRest archiving an embedded PostgreSQL 13 (the newest
 * majors need a newer pgBackRest than Debian 12's), a full and a diff backup, collected through the tool; the
 * backup rules pass. Then archiving is broken and the collection clock is moved ten days on: the same rules fail
 * with the right findings. Ages come from the snapshot's collection time, never the wall clock.
 */
class BackupRulesPgBackRestIT {
  private static final Set<String> BACKUP_RULES = Set.of("backup-full-too-old", "backup-too-old", "archiver-stalled",
      "archiver-failing", "backup-tool-errors", "backup-identity-mismatch", "archive-mode-off", "archive-command-unsafe");

  @TempDir Path tmp;

  @Test
  void rulesPassOnAFreshBackupAndFailWhenArchivingStopsAndTheClockMovesOn() throws Exception {
    Assumptions.assumeTrue(PgBackRestRepo.installed(), PgBackRestRepo.NOT_INSTALLED);
    PgBackRestRepo repo = PgBackRestRepo.create(tmp.resolve("pgbackrest"), "main");
    try (EmbeddedPg pg = EmbeddedPg.builder(13).config(repo.serverConfig()).start()) {
      repo.attach(pg).stanzaCreate();
      repo.check();
      repo.backup("full");
      pg.exec("postgres", "CREATE TABLE orders AS SELECT g AS id FROM generate_series(1, 10000) g");
      pg.exec("postgres", "SELECT pg_switch_wal()");
      repo.backup("diff");
      ConnectionSpec spec = ConnectionSpec.resolve(pg.uri("postgres", null, "postgres"), Map.of(), null);
      CollectOptions opts = CollectOptions.defaults()
          .withBackupTool(BackupToolOptions.of(BackupTool.PGBACKREST, "main").withProgram(repo.program()));

      Snapshot fresh = SnapshotCollector.collect(spec, opts.withClock(Clock.systemUTC()));
      assertThat(backupFindings(fresh)).as("backup findings on a fresh, healthy setup").isEmpty();

      // the same server, collected as if ten days had passed without a backup or an archived segment
      Clock tenDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(10)), ZoneOffset.UTC);
      Map<String, Finding> idle = backupFindings(SnapshotCollector.collect(spec, opts.withClock(tenDaysOn)));
      assertThat(idle.keySet()).containsExactlyInAnyOrder("backup-full-too-old", "backup-too-old", "archiver-stalled");
      assertThat(idle.get("backup-full-too-old").severity().id()).isEqualTo("critical");

      // archiving breaks: every attempt fails from now on
      pg.exec("postgres", "ALTER SYSTEM SET archive_command = 'false'");
      pg.exec("postgres", "SELECT pg_reload_conf()");
      pg.exec("postgres", "INSERT INTO orders SELECT g FROM generate_series(10001, 20000) g");
      pg.exec("postgres", "SELECT pg_switch_wal()");
      awaitArchiveFailure(pg);

      // a failing archiver is archiver-failing's finding (archiver-stalled leaves it to that rule)
      Map<String, Finding> broken = backupFindings(SnapshotCollector.collect(spec, opts.withClock(tenDaysOn)));
      assertThat(broken.keySet()).containsExactlyInAnyOrder("backup-full-too-old", "backup-too-old", "archiver-failing");
      assertThat(broken.get("backup-too-old").message()).contains("main");
    }
  }

  private static Map<String, Finding> backupFindings(Snapshot s) {
    return BuiltInRules.engine().evaluate(s, PgopsConfig.defaults()).findings().stream()
        .filter(f -> BACKUP_RULES.contains(f.ruleId()))
        .collect(Collectors.toMap(Finding::ruleId, f -> f, (a, b) -> a));
  }

  private static void awaitArchiveFailure(EmbeddedPg pg) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet rs = st.executeQuery("SELECT failed_count FROM pg_stat_archiver")) {
          rs.next();
          if (rs.getLong(1) > 0) return;
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the archiver did not report a failure within 60 s");
  }
}
