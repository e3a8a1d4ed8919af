package dev.pgops.drill;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The restored cluster, started on its own port for the drill, isolated from everything it came from.
 *
 * <p>Settings, given on the {@code postgres} command line (which outranks every configuration file the backup
 * brought along) and also appended to {@code postgresql.auto.conf} (so a directory kept with {@code --keep} stays
 * safe when started by hand): {@code archive_mode=off}, an empty {@code archive_command} (and
 * {@code archive_library} from 15), so nothing is ever pushed to the repository; {@code port}, and
 * {@code listen_addresses=127.0.0.1}; no replication to anyone ({@code primary_conninfo}, {@code primary_slot_name},
 * {@code synchronous_standby_names} emptied); {@code hot_standby=off}, so recovery does not require
 * {@code max_connections} and the like to match the source's. Only on the command line: the Unix socket, {@code hba_file} and
 * {@code ident_file} in a private temporary directory (mode 0700; trust for the local socket and 127.0.0.1: the
 * drill connects as the cluster's superuser without a password), {@code external_pid_file} there too,
 * {@code data_directory} = the scratch directory, {@code ssl=off}, {@code logging_collector=off} (the server log is
 * captured into the drill log), {@code cluster_name=pgops-drill}. The restore command and the recovery target come
 * from pgBackRest.
 */
final class ScratchServer implements AutoCloseable {
  private final PgBinaries bins;
  private final Path dataDir;
  private final Path runDir;
  private final int port;
  private final Process process;
  private final Path serverLog;

  private ScratchServer(PgBinaries bins, Path dataDir, Path runDir, int port, Process process, Path serverLog) {
    this.bins = bins;
    this.dataDir = dataDir;
    this.runDir = runDir;
    this.port = port;
    this.process = process;
    this.serverLog = serverLog;
  }

  /** True when nothing listens on 127.0.0.1:{@code port} (checked by binding it for a moment). */
  static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port the system has free right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Writes the drill's settings and starts {@code postgres} on the restored directory (does not wait). */
  static ScratchServer start(PgBinaries bins, Path dataDir, Path runDir, int port) throws DrillFailure {
    Path log = runDir.resolve("server.log");
    try {
      Path hba = runDir.resolve("pg_hba.conf");
      Files.writeString(hba, "# pgops drill: the socket directory is private (0700); TCP only on 127.0.0.1\n"
          + "local all all trust\nhost all all 127.0.0.1/32 trust\n");
      Files.writeString(runDir.resolve("pg_ident.conf"), "");
      Path conf = dataDir.resolve("postgresql.conf");
      if (!Files.exists(conf)) {
        // Debian keeps postgresql.conf in /etc, outside the backed-up data directory
        Files.writeString(conf, "# written by pgops drill: the backup had no postgresql.conf (kept outside the data directory)\n");
      }
      StringBuilder auto = new StringBuilder("\n# pgops drill: scratch server, never archives into the repository\n");
      for (String[] s : persisted(bins.major(), port)) {
        auto.append(s[0]).append(" = '").append(s[1].replace("'", "''")).append("'\n");
      }
      Files.writeString(dataDir.resolve("postgresql.auto.conf"), auto.toString(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new DrillFailure("cannot write the scratch server's configuration: " + e.getMessage());
    }
    List<String> cmd = new ArrayList<>(List.of(bins.postgres().toString(), "-D", dataDir.toString()));
    List<String[]> settings = new ArrayList<>(persisted(bins.major(), port));
    settings.add(new String[] {"data_directory", dataDir.toString()});
    settings.add(new String[] {"unix_socket_directories", runDir.toString()});
    settings.add(new String[] {"hba_file", runDir.resolve("pg_hba.conf").toString()});
    settings.add(new String[] {"ident_file", runDir.resolve("pg_ident.conf").toString()});
    settings.add(new String[] {"external_pid_file", runDir.resolve("postmaster.external.pid").toString()});
    settings.add(new String[] {"ssl", "off"});
    settings.add(new String[] {"logging_collector", "off"});
    settings.add(new String[] {"log_destination", "stderr"});
    settings.add(new String[] {"cluster_name", "pgops-drill"});
    for (String[] s : settings) {
      cmd.add("-c");
      cmd.add(s[0] + "=" + s[1]);
    }
    try {
      Process p = new ProcessBuilder(Processes.asServerUser(cmd)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      return new ScratchServer(bins, dataDir, runDir, port, p, log);
    } catch (IOException e) {
      throw new DrillFailure("cannot start " + bins.postgres() + ": " + e.getMessage());
    }
  }

  private static List<String[]> persisted(int major, int port) {
    List<String[]> s = new ArrayList<>();
    s.add(new String[] {"archive_mode", "off"});
    s.add(new String[] {"archive_command", ""});
    if (major >= 15) s.add(new String[] {"archive_library", ""});
    s.add(new String[] {"port", Integer.toString(port)});
    s.add(new String[] {"listen_addresses", "127.0.0.1"});
    s.add(new String[] {"primary_conninfo", ""});
    s.add(new String[] {"primary_slot_name", ""});
    s.add(new String[] {"synchronous_standby_names", ""});
    // no read-only queries during recovery: then PostgreSQL does not demand max_connections & co. at least as
    // high as the source's (settings the backup may not carry: command line, /etc), and the drill waits anyway
    s.add(new String[] {"hot_standby", "off"});
    return s;
  }

  int port() {
    return port;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A connection as {@code user}; read-only sessions get {@code default_transaction_read_only=on}. */
  Connection connect(String database, String user, boolean readOnly, Duration statementTimeout) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("ApplicationName", "pgops-drill");
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "0");
    p.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis()
        + (readOnly ? " -c default_transaction_read_only=on" : "") + " -c TimeZone=UTC");
    return DriverManager.getConnection(jdbcUrl(database), p);
  }

  /**
   * Waits until the server accepts connections and has left recovery (promoted at the end of the WAL or at the
   * recovery target). The server exiting, a missing role or database, or the deadline are failures.
   */
  void awaitRecovery(String database, String user, Instant deadline) throws DrillFailure {
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new DrillFailure("the restored server stopped during startup or recovery: " + lastServerError());
      }
      try (Connection c = connect(database, user, true, Duration.ofSeconds(30)); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (!rs.getBoolean(1)) return;
      } catch (SQLException e) {
        last = e;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28000") || state.equals("3D000") || state.equals("28P01")) {
          throw new DrillFailure("cannot connect to the restored server as " + user + " on " + database + ": "
              + e.getMessage() + " (use --db-user / --dbname)");
        }
      }
      sleep(250);
    }
    throw new DrillFailure("the restored server did not finish recovery within the --timeout"
        + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
  }

  /** The last FATAL / PANIC / ERROR line of the server log, or its last line. */
  String lastServerError() {
    String text = serverLogText();
    String found = null;
    String lastLine = null;
    for (String line : text.split("\n")) {
      if (line.isBlank()) continue;
      lastLine = line.strip();
      if (line.contains("FATAL:") || line.contains("PANIC:")) found = line.strip();
    }
    String line = found != null ? found : lastLine != null ? lastLine : "no server output";
    int i = line.indexOf("FATAL:");
    if (i < 0) i = line.indexOf("PANIC:");
    return i >= 0 ? line.substring(i) : line;
  }

  String serverLogText() {
    try {
      return Files.exists(serverLog) ? Files.readString(serverLog, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(server log unreadable: " + e.getMessage() + ")";
    }
  }

  boolean running() {
    return process.isAlive();
  }

  /**
   * Stops the server: {@code pg_ctl stop -m fast}, then SIGKILL when it is still there after a minute. Returns
   * true when the server process is gone.
   */
  boolean stop() {
    if (!process.isAlive()) return true;
    try {
      List<String> cmd = Processes.asServerUser(List.of(bins.pgCtl().toString(), "stop", "-D", dataDir.toString(),
          "-m", "fast", "-w", "-t", "60"));
      if (Files.isExecutable(bins.pgCtl())) Processes.run(cmd, Duration.ofSeconds(75));
      else process.destroy();
    } catch (IOException e) {
      process.destroy();
    }
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !process.isAlive();
  }

  @Override
  public void close() {
    stop();
  }

  Path runDir() {
    return runDir;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
