package dev.pgops.drill;

import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.DrillRecord;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a restore drill from pgBackRest and returns its record; a drill that fails anywhere still returns a record
 * (outcome {@code fail}, the one-line reason in {@code failure}) and leaves no server running.
 *
 * <p>Phases, each timed: {@code info} (read-only) and checks (backup set, free port, binaries of the backup's
 * major); <b>restore</b> into {@code DIR/data} (tablespaces under {@code DIR/tablespaces}); <b>recovery</b>: the
 * {@link ScratchServer} replays the archived WAL (fetched by pgBackRest's {@code archive-get}) and promotes at the
 * end of the WAL or at the target; <b>verification</b>: server up, system identifier equal to the stanza's, the
 * verification file ({@link VerifyScript}), the recovery point (RPO), {@code pg_amcheck} when available. Then the
 * server is stopped and {@code DIR} removed unless {@code --keep}.
 *
 * <p>Measured RPO: the newest commit found — the {@code -- rpo} query of the verification file when there is
 * one, else {@code pg_last_xact_replay_timestamp()} (the last commit replayed from the archive; it stays set
 * after promotion), else {@code pg_last_committed_xact()} when {@code track_commit_timestamp} is on, else the
 * backup's end — subtracted from the recovery target time, or from the drill's start for "latest" (what would
 * be lost if the source had been lost when the drill began). RTO: start of the drill to the end of verification.
 *
 * <p>The drill never connects to the source server and never writes to the repository: pgBackRest runs only
 * {@code info}, {@code restore} and (from the restored server's {@code restore_command}) {@code archive-get};
 * the restored server has archiving off.
 */
public final class DrillRunner {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(10);

  private final Clock clock;
  private final Consumer<String> progress;

  public DrillRunner(Clock clock, Consumer<String> progress) {
    this.clock = clock;
    this.progress = progress;
  }

  /** The record of a run, and what the programs it ran printed (pgBackRest, the server log, pg_amcheck). */
  public record Outcome(DrillRecord record, String log) {}

  /** Drill ids: the start time (UTC, to the second) and the stanza, e.g. {@code 20261124T100000Z-main}. */
  public static String drillId(Instant startedAt, String name, Path outputDir) {
    String base = ID_TIME.format(startedAt) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
    String id = base;
    for (int n = 2; outputDir != null && Files.exists(outputDir.resolve("drill-" + id + ".json")); n++) id = base + "-" + n;
    return id;
  }

  public Outcome run(DrillOptions o) {
    StringBuilder log = new StringBuilder();
    Instant started = clock.instant();
    Facts f = new Facts();
    List<DrillRecord.Step> steps = new ArrayList<>();
    String failure = null;
    ScratchServer server = null;
    Path runDir = null;
    Boolean created = null; // set once the scratch directory is ours: true = we made it, false = it was empty
    Path dir = o.targetDir().toAbsolutePath().normalize();
    try {
      if (!"pgbackrest".equals(o.tool())) throw new DrillFailure("--tool " + o.tool() + " is not supported (pgbackrest)");
      String exe = o.pgbackrest();
      if (!exe.contains("/") && Processes.onPath(exe) == null) {
        throw new DrillFailure(exe + " not found on PATH: install pgBackRest on the drill host");
      }
      PgBackRest pb = new PgBackRest(exe, o.config(), o.stanza());
      progress.accept("reading pgBackRest stanza " + o.stanza());
      BackupCatalog info = pb.info(Duration.ofMinutes(5), log);
      f.systemId = info.systemIdentifier();
      BackupCatalog.Backup expected = PgBackRest.pick(info.backups(), o.set(), o.targetTime());
      if (expected == null) {
        throw new DrillFailure(o.set() != null ? "backup set " + o.set() + " not found in stanza '" + o.stanza() + "'"
            : "stanza '" + o.stanza() + "' has no backup to restore");
      }
      f.backupId = expected.id();
      f.backupStop = expected.stoppedAt();
      int port = o.port() != null ? o.port() : ScratchServer.freePort();
      if (!ScratchServer.portFree(port)) {
        throw new DrillFailure("port " + port + " is already in use on 127.0.0.1: choose another --port");
      }
      PgBinaries bins = PgBinaries.find(o.pgBin(), info.pgMajor());
      created = prepare(dir);
      Path data = dir.resolve("data");
      Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

      progress.accept("restoring " + f.backupId + " into " + data);
      String restored = pb.restore(data, dir.resolve("tablespaces"), o.set(), o.targetTime(), info.pgMajor(),
          o.timeout(), log);
      if (restored != null && !restored.equals(f.backupId)) {
        f.backupId = restored;
        f.backupStop = info.backups().stream().filter(b -> b.id().equals(restored)).map(BackupCatalog.Backup::stoppedAt)
            .findFirst().orElse(null);
      }
      if (Processes.root()) ownBySelf(dir);
      f.restoredAt = clock.instant();

      progress.accept("starting PostgreSQL " + bins.version() + " on port " + port + " and waiting for recovery");
      runDir = Files.createTempDirectory("pgops-drill-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      server = ScratchServer.start(bins, data, runDir, port);
      server.awaitRecovery(o.dbName(), o.dbUser(), clock.instant().plus(o.timeout()));
      f.recoveredAt = clock.instant();

      progress.accept("verifying");
      verify(o, server, bins, f, started, steps, log);
      f.verifiedAt = clock.instant();
      failure = steps.stream().filter(s -> s.result().equals("failed")).findFirst()
          .map(s -> "verification failed: " + s.step() + (s.details() == null ? "" : ": " + s.details())).orElse(null);
    } catch (DrillFailure e) {
      failure = e.getMessage();
    } catch (IOException | RuntimeException e) {
      failure = "drill aborted: " + DrillRecords.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      String cleanup = cleanup(o, server, runDir, dir, created, log);
      if (cleanup != null) {
        steps.add(new DrillRecord.Step("cleanup", "failed", cleanup));
        failure = failure == null ? "cleanup failed: " + cleanup : failure;
      } else {
        steps.add(new DrillRecord.Step("cleanup", "ok", (server == null ? "no server was started" : "scratch server stopped")
            + "; " + (created == null ? "nothing restored"
            : o.keep() ? "restored data kept in " + dir + " (--keep)" : "scratch directory " + dir + " removed")));
      }
    }
    Instant end = f.verifiedAt != null ? f.verifiedAt : null;
    Long rto = end == null ? null : (Duration.between(started, end).toMillis() + 999) / 1000;
    String target = o.targetTime() == null ? "latest" : "time " + o.targetTime();
    DrillRecord record = new DrillRecord(drillId(started, o.stanza(), o.outputDir()), o.tool(), o.stanza(),
        f.serverSystemId != null ? f.serverSystemId : f.systemId, f.backupId, f.backupStop, target, f.pgVersion,
        started, f.restoredAt, f.recoveredAt, f.verifiedAt, rto, f.rpoSeconds, seconds(o.rtoTarget()),
        seconds(o.rpoTarget()), steps, failure == null ? "pass" : "fail", failure, o.operator(), o.changeRecord());
    return new Outcome(record, log.toString());
  }

  private static final class Facts {
    String systemId;
    String serverSystemId;
    String backupId;
    Instant backupStop;
    String pgVersion;
    Instant restoredAt;
    Instant recoveredAt;
    Instant verifiedAt;
    Long rpoSeconds;
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  // --- verification -------------------------------------------------------------------------------

  private void verify(DrillOptions o, ScratchServer server, PgBinaries bins, Facts f, Instant started,
      List<DrillRecord.Step> steps, StringBuilder log) throws DrillFailure, IOException {
    VerifyScript script = null;
    if (o.verifySql() != null) {
      try {
        script = VerifyScript.read(o.verifySql());
      } catch (VerifyScript.InvalidScriptException e) {
        throw new DrillFailure(e.getMessage());
      }
    }
    Map<String, Connection> connections = new LinkedHashMap<>();
    try {
      Connection main = connection(connections, server, o.dbName(), o.dbUser());
      try (Statement st = main.createStatement();
           ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), "
               + "(SELECT system_identifier::text FROM pg_control_system()), pg_is_in_recovery()")) {
        rs.next();
        f.pgVersion = rs.getString(1).split("\\s")[0];
        f.serverSystemId = rs.getString(2);
        steps.add(new DrillRecord.Step("server up", "ok", "PostgreSQL " + f.pgVersion + " on port " + server.port()
            + ", accepting writes after recovery"));
      } catch (SQLException e) {
        steps.add(new DrillRecord.Step("server up", "failed", DrillRecords.oneLine(e.getMessage())));
        return;
      }
      if (f.systemId != null) {
        boolean same = f.systemId.equals(f.serverSystemId);
        steps.add(new DrillRecord.Step("system identifier", same ? "ok" : "failed", same
            ? f.serverSystemId + " as in the stanza"
            : "restored cluster has " + f.serverSystemId + ", the stanza " + f.systemId));
      }
      Instant achieved = null;
      String source = null;
      if (script != null) {
        for (VerifyScript.Check c : script.checks()) {
          String db = c.database() == null ? o.dbName() : c.database();
          String name = c.position() + ": " + c.shortSql();
          try {
            Connection conn = connection(connections, server, db, o.dbUser());
            Value v = run(conn, c.sql());
            if (c.rpo()) {
              if (v.rows() != 1 || v.columns() != 1) {
                steps.add(new DrillRecord.Step(name, "failed", "an -- rpo statement must return one timestamp, it returned "
                    + v.rows() + " row(s) of " + v.columns() + " column(s)"));
              } else if (v.time() == null) {
                steps.add(new DrillRecord.Step(name, "skipped", "returned " + (v.text() == null ? "NULL" : "'" + v.text()
                    + "', not a timestamp") + "; the recovery point comes from the server"));
              } else {
                achieved = v.time();
                source = c.position();
                steps.add(new DrillRecord.Step(name, "ok", "newest committed change " + achieved));
              }
            } else if (c.expect() != null) {
              if (v.rows() != 1 || v.columns() != 1) {
                steps.add(new DrillRecord.Step(name, "failed", "returned " + v.rows() + " row(s) of " + v.columns()
                    + " column(s); -- expect: needs exactly one value"));
              } else {
                boolean ok = c.expect().matches(v.text());
                steps.add(new DrillRecord.Step(name, ok ? "ok" : "failed", (ok ? "" : "got ")
                    + (v.text() == null ? "NULL" : v.text()) + (ok ? " (expected " : ", expected ") + c.expect().describe()
                    + (ok ? ")" : "")));
              }
            } else {
              steps.add(new DrillRecord.Step(name, "ok", v.columns() == 0 ? "ran" : v.rows() + " row(s)"));
            }
          } catch (SQLException e) {
            steps.add(new DrillRecord.Step(name, "failed", DrillRecords.oneLine(e.getMessage())));
          }
        }
      }
      if (achieved == null) {
        try (Statement st = main.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_last_xact_replay_timestamp(), "
                 + "current_setting('track_commit_timestamp') = 'on'")) {
          rs.next();
          OffsetDateTime replay = rs.getObject(1, OffsetDateTime.class);
          if (replay != null) {
            achieved = replay.toInstant();
            source = "pg_last_xact_replay_timestamp()";
          } else if (rs.getBoolean(2)) {
            try (ResultSet c = st.executeQuery("SELECT \"timestamp\" FROM pg_last_committed_xact()")) {
              if (c.next() && c.getObject(1, OffsetDateTime.class) != null) {
                achieved = c.getObject(1, OffsetDateTime.class).toInstant();
                source = "pg_last_committed_xact()";
              }
            }
          }
        } catch (SQLException e) {
          log.append("recovery point query failed: ").append(e.getMessage()).append('\n');
        }
        if (achieved == null && f.backupStop != null) {
          achieved = f.backupStop;
          source = "the backup's end (no commit replayed after it)";
        }
      }
      Instant reference = o.targetTime() != null ? o.targetTime() : started;
      if (achieved != null) {
        long gapMs = Math.max(0, Duration.between(achieved, reference).toMillis());
        f.rpoSeconds = (gapMs + 999) / 1000;
        steps.add(new DrillRecord.Step("recovery point (RPO)", "ok", "newest commit " + achieved + " from " + source
            + "; " + f.rpoSeconds + " s before " + (o.targetTime() != null ? "the target time" : "the drill started")));
      } else {
        steps.add(new DrillRecord.Step("recovery point (RPO)", "skipped", "no commit timestamp found"));
      }
    } finally {
      for (Connection c : connections.values()) {
        try {
          c.close();
        } catch (SQLException e) {
          // closing a session on a server about to stop
        }
      }
    }
    steps.add(amcheck(o, server, bins, log));
  }

  private static Connection connection(Map<String, Connection> open, ScratchServer server, String db, String user)
      throws DrillFailure {
    Connection c = open.get(db);
    if (c != null) return c;
    try {
      c = server.connect(db, user, true, STATEMENT_TIMEOUT);
    } catch (SQLException e) {
      throw new DrillFailure("cannot connect to the restored server as " + user + " on " + db + ": " + e.getMessage());
    }
    open.put(db, c);
    return c;
  }

  /** What one verification statement returned: row and column counts, the first value as text and as a time. */
  private record Value(int rows, int columns, String text, Instant time) {}

  private static Value run(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      if (!st.execute(sql)) return new Value(0, 0, null, null);
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        int rows = 0;
        String text = null;
        Instant time = null;
        while (rs.next()) {
          if (rows++ == 0 && md.getColumnCount() > 0) {
            text = rs.getString(1);
            String type = md.getColumnTypeName(1);
            if (text != null && type.equals("timestamptz")) {
              time = rs.getObject(1, OffsetDateTime.class).toInstant();
            } else if (text != null && type.equals("timestamp")) {
              // no zone in the value: read as UTC (the session's TimeZone)
              time = rs.getObject(1, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC);
            }
          }
        }
        return new Value(rows, md.getColumnCount(), text, time);
      }
    }
  }

  private DrillRecord.Step amcheck(DrillOptions o, ScratchServer server, PgBinaries bins, StringBuilder log) {
    String step = "pg_amcheck --all --install-missing";
    if (bins.major() < 14) return new DrillRecord.Step(step, "skipped", "pg_amcheck needs PostgreSQL 14 or later");
    Path exe = bins.client("pg_amcheck");
    if (exe == null) {
      return new DrillRecord.Step(step, "skipped", "pg_amcheck " + bins.major() + " not found (next to postgres, "
          + "/usr/lib/postgresql/" + bins.major() + "/bin, /usr/pgsql-" + bins.major() + "/bin)");
    }
    progress.accept("running " + exe);
    List<String> cmd = List.of(exe.toString(), "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-U",
        o.dbUser(), "--no-password", "--all", "--install-missing");
    try {
      log.append("$ ").append(String.join(" ", cmd)).append('\n');
      Processes.Result r = Processes.run(cmd, o.timeout());
      log.append(r.output()).append("(exit ").append(r.exit()).append(")\n\n");
      if (r.ok()) return new DrillRecord.Step(step, "ok", "no corruption reported");
      if (r.output().contains("amcheck") && r.output().contains("is not available")) {
        return new DrillRecord.Step(step, "skipped", "the amcheck extension is not installed with these binaries");
      }
      return new DrillRecord.Step(step, "failed", (r.exit() == 2 ? "corruption reported: " : "error: ") + r.errorLine());
    } catch (IOException e) {
      return new DrillRecord.Step(step, "failed", "cannot run " + exe + ": " + e.getMessage());
    }
  }

  // --- scratch directory --------------------------------------------------------------------------

  /** Creates {@code dir} (true) or accepts it empty (false); anything in it is a failure, never overwritten. */
  private static boolean prepare(Path dir) throws DrillFailure, IOException {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new DrillFailure("--target-dir " + dir + " is not a directory");
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) throw new DrillFailure("--target-dir " + dir + " is not empty: a drill restores only into an empty or new directory");
      }
      return false;
    }
    Files.createDirectories(dir);
    return true;
  }

  /** Stops the server, keeps its log, removes the run directory and (without --keep) the scratch data. */
  private static String cleanup(DrillOptions o, ScratchServer server, Path runDir, Path dir, Boolean created,
      StringBuilder log) {
    List<String> problems = new ArrayList<>();
    if (server != null) {
      boolean stopped = server.stop();
      log.append("== PostgreSQL server log (scratch server)\n").append(server.serverLogText()).append('\n');
      if (!stopped) problems.add("the scratch server did not stop");
    }
    if (runDir != null) {
      try {
        deleteTree(runDir);
      } catch (IOException e) {
        problems.add("cannot remove " + runDir + ": " + e.getMessage());
      }
    }
    if (!o.keep() && created != null && (server == null || !server.running())) {
      try {
        if (created) {
          deleteTree(dir);
        } else {
          try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) deleteTree(p);
          }
        }
      } catch (IOException e) {
        problems.add("cannot remove " + dir + ": " + e.getMessage());
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) throw e;
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Running as root, pgBackRest restores files to the owners in the backup manifest; the server (started in a user
   * namespace, see {@link Processes#asServerUser}) can only use files root owns, so the scratch tree is handed to root.
   */
  private static void ownBySelf(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        if (!Integer.valueOf(0).equals(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
          Files.setAttribute(p, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(p, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }
}
