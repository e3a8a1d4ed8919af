package dev.pgops.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An embedded PostgreSQL server (zonky) of a given major, for tests. Binaries come from
 * {@code collectors/target/pg-binaries/pgNN.jar} (copied there by the collectors pom), found by walking
 * up from {@code user.dir}. Every server starts with {@code shared_preload_libraries=pg_stat_statements}
 * and {@code max_prepared_transactions=10}; the superuser is {@code postgres} (trust over TCP).
 *
 * <p>Starting costs a few seconds: share one server per major per test class.
 *
 * <pre>{@code
 * try (EmbeddedPg pg = EmbeddedPg.builder(17).config("log_statement", "all").passwordAuth().start()) {
 *   pg.exec("postgres", "CREATE DATABASE app");
 *   String url = pg.jdbcUrl("app");
 * }
 * }</pre>
 */
public final class EmbeddedPg implements AutoCloseable {
  public static final String BINARIES_DIR = "collectors/target/pg-binaries";
  private static final Map<Integer, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

  private final int major;
  private final EmbeddedPostgres pg;
  private final Path dataDir;
  private final Path serverLog;

  private EmbeddedPg(int major, EmbeddedPostgres pg, Path dataDir, Path serverLog) {
    this.major = major;
    this.pg = pg;
    this.dataDir = dataDir;
    this.serverLog = serverLog;
  }

  /** A server with the default configuration. */
  public static EmbeddedPg start(int major) {
    return builder(major).start();
  }

  public static Builder builder(int major) {
    return new Builder(major);
  }

  public static final class Builder {
    private final int major;
    private final Map<String, String> config = new LinkedHashMap<>();
    private boolean passwordAuth;

    private Builder(int major) {
      this.major = major;
      config.put("shared_preload_libraries", "pg_stat_statements");
      config.put("max_prepared_transactions", "10");
    }

    /** Extra server configuration ({@code -c name=value}). */
    public Builder config(String name, String value) {
      config.put(name, value);
      return this;
    }

    public Builder config(Map<String, String> extra) {
      config.putAll(extra);
      return this;
    }

    /**
     * Require a password (md5, which also accepts SCRAM secrets) over TCP for every role except
     * {@code postgres}, which stays trusted.
     */
    public Builder passwordAuth() {
      this.passwordAuth = true;
      return this;
    }

    public EmbeddedPg start() {
      Path[] dataDir = new Path[1];
      Path serverLog;
      try {
        serverLog = Files.createTempFile("embedded-pg" + major + "-", ".log");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
            .setPgBinaryResolver(resolver(major))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
            .setDataDirectoryCustomizer(dir -> {
              dataDir[0] = dir.toPath();
              if (passwordAuth) writeHba(dir.toPath());
              writeConfig(dir.toPath(), config);
            });
        return new EmbeddedPg(major, b.start(), dataDir[0], serverLog);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL " + major + ": " + e.getMessage()
            + "; server output:\n" + tail(serverLog), e);
      }
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    }

    /** Appended to postgresql.conf (zonky's {@code -c} options cannot carry values with spaces). */
    private static void writeConfig(Path dir, Map<String, String> config) {
      StringBuilder b = new StringBuilder("\n# EmbeddedPg\n");
      config.forEach((k, v) -> b.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
      try {
        Files.writeString(dir.resolve("postgresql.conf"), b.toString(), java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void writeHba(Path dir) {
      try {
        Files.writeString(dir.resolve("pg_hba.conf"), String.join("\n",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 md5",
            "host all all ::1/128 md5", ""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public int major() {
    return major;
  }

  public int port() {
    return pg.getPort();
  }

  /** initdb / pg_ctl / server stdout and stderr (deleted on close). */
  public Path serverOutput() {
    return serverLog;
  }

  /** The data directory (server log files live under it when {@code logging_collector} is on). */
  public Path dataDir() {
    return dataDir;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** A libpq URI for {@code user} (and optional password) on {@code database}. */
  public String uri(String user, String password, String database) {
    return "postgresql://" + user + (password == null ? "" : ":" + password) + "@localhost:" + port() + "/" + database;
  }

  /** A superuser connection to {@code database}. */
  public Connection connect(String database) throws SQLException {
    return pg.getDatabase("postgres", database).getConnection();
  }

  /** Runs SQL (one or several statements, or a DO block) as the superuser on {@code database}. */
  public void exec(String database, String sql) {
    try (Connection c = connect(database); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
    }
  }

  /** Runs a classpath resource script (plain statements, no psql meta-commands) on {@code database}. */
  public void execResource(String database, Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no resource " + resource + " next to " + anchor.getName());
      exec(database, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a database (no-op when it exists is not attempted: names must be fresh). */
  public void createDatabase(String name) {
    exec("postgres", "CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
  }

  @Override
  public void close() {
    try {
      pg.close();
      Files.deleteIfExists(serverLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- binaries -----------------------------------------------------------------------------------

  static PgBinaryResolver resolver(int major) {
    // one resolver instance per major: zonky caches the unpacked binaries per resolver
    return RESOLVERS.computeIfAbsent(major, m -> new JarBinaryResolver(binariesJar(m)));
  }

  /** {@code collectors/target/pg-binaries/pgNN.jar}, searched from {@code user.dir} upwards. */
  public static Path binariesJar(int major) {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path bins = dir.resolve(BINARIES_DIR);
      if (Files.isDirectory(bins)) {
        Path jar = bins.resolve("pg" + major + ".jar");
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException("no PostgreSQL " + major + " binaries: " + jar
              + " is missing (the collectors pom copies pg13..pg18 jars at generate-test-resources)");
        }
        return jar;
      }
    }
    throw new IllegalStateException("cannot find " + BINARIES_DIR + " above " + start
        + ": run `mvn -pl collectors generate-test-resources` first");
  }

  private record JarBinaryResolver(Path jar) implements PgBinaryResolver {
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        ZipEntry entry = zip.getEntry("postgres-linux-x86_64.txz");
        if (entry == null) throw new IOException(jar + " has no postgres-linux-x86_64.txz");
        try (InputStream in = zip.getInputStream(entry)) {
          return new ByteArrayInputStream(in.readAllBytes());
        }
      }
    }
  }
}
