package dev.pgops.drill;

import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgMajors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real pgBackRest repository for an embedded PostgreSQL server, for drill tests: a local repo, lock and log
 * paths in a temporary directory, {@code archive_command} = {@code pgbackrest archive-push}, stanza
 * {@value #STANZA} created. Tests skip (with the reason) when pgBackRest is not installed or does not support the
 * major (pgBackRest 2.45, Debian 12's, stops at PostgreSQL 15).
 *
 * <pre>{@code
 * try (DrillRepo repo = DrillRepo.start(15)) {
 *   repo.pg().exec("postgres", "CREATE TABLE t AS SELECT generate_series(1, 1000) id");
 *   String label = repo.backup("full");
 *   repo.switchWalAndWaitArchived();
 * }
 * }</pre>
 */
public final class DrillRepo implements AutoCloseable {
  public static final String STANZA = "drill";
  private static final Map<Integer, String> UNSUPPORTED = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path config;
  private final EmbeddedPg pg;

  private DrillRepo(Path dir, Path config, EmbeddedPg pg) {
    this.dir = dir;
    this.config = config;
    this.pg = pg;
  }

  /** The pgbackrest executable, or null when it is not installed. */
  public static Path pgbackrest() {
    return Processes.onPath("pgbackrest");
  }

  /**
   * The majors to run drill tests on: the configured ones (those pgBackRest does not support are skipped with the
   * reason); when it supports none of them, the newest one it does support (so the drill is tested at all), with a
   * note on stderr.
   */
  public static synchronized Stream<Integer> majors() {
    if (majors == null) majors = chooseMajors();
    return majors.stream();
  }

  private static List<Integer> majors;

  private static List<Integer> chooseMajors() {
    List<Integer> configured = PgMajors.configured();
    if (pgbackrest() == null) return configured;
    // the unsupported ones stay in the list: their tests are skipped with the reason
    if (configured.stream().filter(DrillRepo::supports).count() > 0) return configured;
    for (int m = 18; m >= 13; m--) {
      if (!configured.contains(m) && supports(m)) {
        System.err.println("DrillRepo: pgBackRest does not support PostgreSQL " + configured + " ("
            + UNSUPPORTED.get(configured.get(0)) + "); drill tests run on PostgreSQL " + m);
        return List.of(m);
      }
    }
    return configured;
  }

  private static boolean supports(int major) {
    if (UNSUPPORTED.containsKey(major)) return false;
    try {
      start(major).close();
      return true;
    } catch (org.opentest4j.TestAbortedException e) {
      return false;
    }
  }

  /** Starts the server with archiving into a new repository and creates the stanza. */
  public static DrillRepo start(int major) {
    Assumptions.assumeTrue(pgbackrest() != null, "pgbackrest is not installed (Debian package pgbackrest): drill test skipped");
    Assumptions.assumeTrue(!UNSUPPORTED.containsKey(major), () -> UNSUPPORTED.get(major));
    Path dir;
    try {
      dir = Files.createTempDirectory("pgops-drillrepo-");
      Files.createDirectories(dir.resolve("sock"));
      Files.createDirectories(dir.resolve("repo"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path config = dir.resolve("pgbackrest.conf");
    EmbeddedPg pg = EmbeddedPg.builder(major)
        .config("unix_socket_directories", dir.resolve("sock").toString())
        .config("wal_level", "replica")
        .config("archive_mode", "on")
        .config("archive_command", "pgbackrest --config=" + config + " --stanza=" + STANZA + " archive-push %p")
        .start();
    DrillRepo repo = new DrillRepo(dir, config, pg);
    try {
      Files.writeString(config, String.join("\n",
          "[global]",
          "repo1-path=" + dir.resolve("repo"),
          "lock-path=" + dir.resolve("lock"),
          "log-path=" + dir.resolve("log"),
          "log-level-file=off",
          "start-fast=y",
          "",
          "[" + STANZA + "]",
          "pg1-path=" + pg.dataDir(),
          "pg1-port=" + pg.port(),
          "pg1-socket-path=" + dir.resolve("sock"),
          "pg1-user=postgres", ""));
      Processes.Result r = repo.run("stanza-create");
      if (!r.ok()) {
        String why = r.output().contains("VersionNotSupportedError") || r.output().contains("unexpected control version")
            ? "pgBackRest " + version() + " does not support PostgreSQL " + major + ": drill test skipped"
            : null;
        if (why != null) {
          UNSUPPORTED.put(major, why);
          repo.close();
          Assumptions.abort(why);
        }
        throw new IllegalStateException("pgbackrest stanza-create failed: " + r.output());
      }
      return repo;
    } catch (IOException e) {
      repo.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (!(e instanceof org.opentest4j.TestAbortedException)) repo.close();
      throw e;
    }
  }

  static String version() {
    try {
      return Processes.run(List.of("pgbackrest", "version"), Duration.ofSeconds(30)).output().strip()
          .replace("pgBackRest ", "");
    } catch (IOException e) {
      return "?";
    }
  }

  Processes.Result run(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("pgbackrest", "--config=" + config, "--stanza=" + STANZA));
    cmd.addAll(List.of(args));
    return Processes.run(cmd, Duration.ofMinutes(5));
  }

  /** Takes a backup ({@code full}, {@code diff}, {@code incr}) and returns its label. */
  public String backup(String type) {
    try {
      Processes.Result r = run("--type=" + type, "backup");
      if (!r.ok()) throw new IllegalStateException("pgbackrest backup failed: " + r.output());
      Processes.Result info = run("--output=json", "info");
      var backups = dev.pgops.snapshot.SnapshotJson.mapper().readTree(info.output()).get(0).get("backup");
      return backups.get(backups.size() - 1).get("label").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Switches to a new WAL segment and waits until the archiver has pushed the one just closed. */
  public void switchWalAndWaitArchived() {
    try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
      String segment;
      try (ResultSet rs = st.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
        rs.next();
        segment = rs.getString(1);
      }
      Instant deadline = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet rs = st.executeQuery("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) {
          rs.next();
          if (rs.getString(1).compareTo(segment) >= 0) return;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("WAL segment " + segment + " was not archived within 60 s");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every file and directory in the repository with its size and modification time, to prove a drill wrote nothing. */
  public Map<String, String> repoListing() {
    Path repo = dir.resolve("repo");
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(repo)) {
      for (Path p : s.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        out.put(repo.relativize(p).toString(), (a.isDirectory() ? "dir" : a.size() + " bytes") + " @" + a.lastModifiedTime().toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The directory of the running server's binaries (read from its postmaster), for {@code --pg-bin}. */
  public Path binDir() {
    try {
      String pid = Files.readAllLines(pg.dataDir().resolve("postmaster.pid")).get(0).strip();
      return Files.readSymbolicLink(Path.of("/proc", pid, "exe")).getParent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path config() {
    return config;
  }

  public EmbeddedPg pg() {
    return pg;
  }

  @Override
  public void close() {
    try {
      pg.close();
    } finally {
      try {
        DrillRunner.deleteTree(dir);
      } catch (IOException e) {
        // a temp directory left behind is not a test failure
      }
    }
  }
}
