package dev.pgops.testing;

import dev.pgops.backup.Argv;
import dev.pgops.backup.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real pgBackRest repository in a directory of its own, for one {@link EmbeddedPg} server: the configuration file,
 * the repository, lock, log and spool paths, and the server's Unix socket directory all live under {@link #dir()}, so
 * tests need no system configuration and leave nothing behind.
 *
 * <p>Running as root works: the embedded server runs in a user namespace ({@code unshare -U}, see zonky), so its
 * {@code archive_command} runs pgBackRest there as an unprivileged user that still owns the root-owned temporary
 * directories; pgBackRest commands started by the test (stanza-create, backup, info) run as root and read the data
 * directory directly ({@code pg1-path}), connecting over the socket in {@link #socketDir()}.
 *
 * <pre>{@code
 * Assumptions.assumeTrue(PgBackRestRepo.installed(), PgBackRestRepo.NOT_INSTALLED);
 * PgBackRestRepo repo = PgBackRestRepo.create(tmp, "main");
 * try (EmbeddedPg pg = EmbeddedPg.builder(15).config(repo.serverConfig()).start()) {
 *   repo.attach(pg);              // writes pgbackrest.conf: pg1-path, pg1-port, pg1-socket-path, pg1-user
 *   repo.stanzaCreate();          // throws UnsupportedServer when this pgBackRest does not know the major
 *   repo.check();                 // archive_command works: one WAL segment archived
 *   String full = repo.backup("full");
 *   pg.exec("postgres", "CREATE TABLE t AS SELECT 1; SELECT pg_switch_wal()");
 *   String diff = repo.backup("diff");
 *   String json = repo.infoJson();
 *   List<String> program = repo.program();   // [/usr/bin/pgbackrest, --config=…] for --backup-command
 * }
 * }</pre>
 *
 * Every command runs with a timeout and its stdout / stderr captured; a failing one throws with both in the message.
 */
public final class PgBackRestRepo {
  public static final Path BINARY = Path.of("/usr/bin/pgbackrest");
  public static final String NOT_INSTALLED = "pgBackRest is not installed at " + BINARY
      + " (apt-get install pgbackrest; .ci/run installs it): skipped";
  public static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** This pgBackRest cannot back up this server (e.g. pgBackRest 2.45 and PostgreSQL 16+). */
  public static final class UnsupportedServer extends RuntimeException {
    UnsupportedServer(String message) {
      super(message);
    }
  }

  private final Path dir;
  private final String stanza;

  private PgBackRestRepo(Path dir, String stanza) {
    this.dir = dir;
    this.stanza = stanza;
  }

  /** Whether {@link #BINARY} exists and is executable. */
  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** {@code pgbackrest version}, e.g. "2.45". */
  public static String version() {
    ToolProcess.Result r = ToolProcess.run(List.of(BINARY.toString(), "version"), Duration.ofSeconds(30));
    return r.stdout().strip().replaceFirst("^pgBackRest\\s+", "");
  }

  /** Creates {@code dir} (and repo/, lock/, log/, spool/, socket/ in it) for the stanza {@code stanza}. */
  public static PgBackRestRepo create(Path dir, String stanza) {
    PgBackRestRepo r = new PgBackRestRepo(dir.toAbsolutePath(), stanza);
    try {
      for (Path p : List.of(r.repoPath(), r.dir.resolve("lock"), r.dir.resolve("log"), r.dir.resolve("spool"),
          r.socketDir())) {
        Files.createDirectories(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  public Path dir() {
    return dir;
  }

  public String stanza() {
    return stanza;
  }

  public Path configFile() {
    return dir.resolve("pgbackrest.conf");
  }

  public Path repoPath() {
    return dir.resolve("repo");
  }

  /** Where the server puts its Unix socket (pgBackRest connects through it). */
  public Path socketDir() {
    return dir.resolve("socket");
  }

  /**
   * Server settings for {@link EmbeddedPg.Builder#config(Map)}: {@code wal_level=replica}, {@code archive_mode=on},
   * {@code archive_command} pushing to this repository, and the socket directory.
   */
  public Map<String, String> serverConfig() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("wal_level", "replica");
    m.put("archive_mode", "on");
    m.put("archive_command", BINARY + " --config=" + configFile() + " --stanza=" + stanza + " archive-push %p");
    m.put("unix_socket_directories", socketDir().toString());
    m.put("max_wal_senders", "3");
    return m;
  }

  /** Writes the configuration for {@code pg} (call after it started: the port is known then). */
  public PgBackRestRepo attach(EmbeddedPg pg) {
    String conf = String.join("\n",
        "[global]",
        "repo1-path=" + repoPath(),
        "repo1-retention-full=2",
        "lock-path=" + dir.resolve("lock"),
        "log-path=" + dir.resolve("log"),
        "spool-path=" + dir.resolve("spool"),
        "log-level-console=warn",
        "log-level-file=off",
        "start-fast=y",
        "compress-type=gz",
        "compress-level=1",
        "",
        "[" + stanza + "]",
        "pg1-path=" + pg.dataDir(),
        "pg1-port=" + pg.port(),
        "pg1-user=postgres",
        "pg1-socket-path=" + socketDir(),
        "");
    try {
      Files.writeString(configFile(), conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The program and its configuration option, to append commands to (what {@code --backup-command} takes). */
  public List<String> program() {
    return List.of(BINARY.toString(), "--config=" + configFile());
  }

  /** {@code pgbackrest --config=… --stanza=… args…}. */
  public List<String> command(String... args) {
    List<String> argv = new ArrayList<>(program());
    argv.add("--stanza=" + stanza);
    argv.addAll(List.of(args));
    return argv;
  }

  /**
   * The environment that selects this repository without options (pgBackRest reads {@code PGBACKREST_*}
   * variables), for tools that run pgBackRest themselves.
   */
  public Map<String, String> env() {
    return Map.of("PGBACKREST_CONFIG", configFile().toString(), "PGBACKREST_STANZA", stanza);
  }

  /** Runs {@code pgbackrest --config=… --stanza=… args…} (exit code not checked). */
  public ToolProcess.Result run(Duration timeout, String... args) {
    return ToolProcess.run(command(args), Map.of(), timeout, ToolProcess.DEFAULT_MAX_OUTPUT);
  }

  /** Runs and requires exit 0; {@link UnsupportedServer} when pgBackRest does not support the server's version. */
  public ToolProcess.Result runOk(String... args) {
    ToolProcess.Result r = run(TIMEOUT, args);
    if (r.exitCode() != 0) {
      String output = (r.stdout() + "\n" + r.stderr()).strip();
      if (output.contains("VersionNotSupportedError")) {
        throw new UnsupportedServer("pgBackRest " + version() + " does not support this PostgreSQL version: "
            + r.firstErrorLine());
      }
      throw new IllegalStateException(Argv.render(command(args)) + " exited with " + r.exitCode() + ":\n" + output);
    }
    return r;
  }

  public void stanzaCreate() {
    runOk("stanza-create");
  }

  /** {@code pgbackrest check}: the archive_command pushes a segment and the repository is usable. */
  public void check() {
    runOk("check");
  }

  /** Takes a backup of {@code type} (full, diff, incr) and returns its label. */
  public String backup(String type) {
    List<String> before = labels();
    runOk("--type=" + type, "backup");
    List<String> after = labels();
    after.removeAll(before);
    if (after.size() != 1) throw new IllegalStateException("expected one new backup, found " + after);
    return after.get(0);
  }

  /** {@code pgbackrest --output=json info} for this stanza. */
  public String infoJson() {
    return runOk("--output=json", "info").stdout();
  }

  private List<String> labels() {
    Path backups = repoPath().resolve("backup").resolve(stanza);
    if (!Files.isDirectory(backups)) return new ArrayList<>();
    try (Stream<Path> s = Files.list(backups)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}-\\d{6}F.*"))
          .sorted(Comparator.naturalOrder()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
