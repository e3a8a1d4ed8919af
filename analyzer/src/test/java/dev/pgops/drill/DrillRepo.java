package dev.pgops.drill;

import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgBackRestRepo;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real pgBackRest repository for an embedded PostgreSQL server, for drill tests ({@link PgBackRestRepo} does the
 * pgBackRest side: a local repo, lock and log paths in a temporary directory, {@code archive_command} = {@code pgbackrest archive-push}, stanza
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
  private final PgBackRestRepo repo;
  private final EmbeddedPg pg;

  private DrillRepo(Path dir, PgBackRestRepo repo, EmbeddedPg pg) {
    this.dir = dir;
    this.repo = repo;
    this.pg = pg;
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
    if (!PgBackRestRepo.installed()) return configured;
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
    Assumptions.assumeTrue(PgBackRestRepo.installed(), PgBackRestRepo.NOT_INSTALLED);
    Assumptions.assumeTrue(!UNSUPPORTED.containsKey(major), () -> UNSUPPORTED.get(major));
    Path dir;
    try {
      dir = Files.createTempDirectory("pgops-drillrepo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PgBackRestRepo repo = PgBackRestRepo.create(dir, STANZA);
    EmbeddedPg pg = EmbeddedPg.builder(major).config(repo.serverConfig()).start();
    DrillRepo drill = new DrillRepo(dir, repo, pg);
    try {
      repo.attach(pg).stanzaCreate();
      return drill;
    } catch (PgBackRestRepo.UnsupportedServer e) {
      String why = "pgBackRest " + PgBackRestRepo.version() + " does not support PostgreSQL " + major
          + ": drill test skipped";
      UNSUPPORTED.put(major, why);
      drill.close();
      Assumptions.abort(why);
      throw e;
    } catch (RuntimeException e) {
      drill.close();
      throw e;
    }
  }

  /** Takes a backup ({@code full}, {@code diff}, {@code incr}) and returns its label. */
  public String backup(String type) {
    return repo.backup(type);
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
    Path root = repo.repoPath();
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        out.put(root.relativize(p).toString(), (a.isDirectory() ? "dir" : a.size() + " bytes") + " @" + a.lastModifiedTime().toMillis());
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
    return repo.configFile();
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
