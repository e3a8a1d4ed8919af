package dev.pgops.collect;

import dev.pgops.snapshot.PgVersion;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.QueryExecutor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one connection a collection run uses. Right after connecting it sets
 * {@code default_transaction_read_only = on}, {@code statement_timeout} and {@code lock_timeout};
 * autocommit stays on, so no transaction is held across statements. Every statement it sends starts
 * with {@value #MARKER}, and values are bound with {@code ?}.
 */
public final class PgSession implements AutoCloseable {
  public static final String MARKER = "/* pgops */";
  public static final String APPLICATION_NAME = "pgops";

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  @FunctionalInterface
  public interface SqlCallable<T> {
    T call() throws SQLException;
  }

  private final ConnectionSpec spec;
  private final Connection conn;
  private final long statementTimeoutMs;
  private final long lockTimeoutMs;
  private int statements;
  private PgVersion version;
  private Map<String, String> extensions;

  private PgSession(ConnectionSpec spec, Connection conn, long statementTimeoutMs, long lockTimeoutMs) {
    this.spec = spec;
    this.conn = conn;
    this.statementTimeoutMs = statementTimeoutMs;
    this.lockTimeoutMs = lockTimeoutMs;
  }

  public static PgSession open(ConnectionSpec spec) {
    return open(spec, CollectOptions.DEFAULT_STATEMENT_TIMEOUT_MS, CollectOptions.DEFAULT_LOCK_TIMEOUT_MS);
  }

  /** Connects and applies the session settings; failures become a {@link CollectException}. */
  public static PgSession open(ConnectionSpec spec, long statementTimeoutMs, long lockTimeoutMs) {
    Properties props = spec.jdbcProperties();
    props.setProperty("ApplicationName", APPLICATION_NAME);
    // Send application_name and extra_float_digits in the startup packet; with an older assumed
    // version pgjdbc would issue its own unmarked SET statements after connecting.
    props.setProperty("assumeMinServerVersion", "13");
    props.setProperty("connectTimeout", "10");
    props.setProperty("loginTimeout", "15");
    Connection c;
    try {
      c = DriverManager.getConnection(spec.jdbcUrl(), props);
    } catch (SQLException e) {
      throw new CollectException("cannot connect to " + spec.describe() + ": " + oneLine(spec.redact(e.getMessage())), null);
    }
    PgSession s = new PgSession(spec, c, statementTimeoutMs, lockTimeoutMs);
    try {
      c.setAutoCommit(true);
      s.queryOne("SELECT set_config('default_transaction_read_only', 'on', false),"
          + " set_config('statement_timeout', ?, false), set_config('lock_timeout', ?, false)",
          rs -> rs.getString(1), statementTimeoutMs + "ms", lockTimeoutMs + "ms");
    } catch (SQLException e) {
      s.close();
      throw new CollectException("cannot set up the session on " + spec.describe() + ": " + oneLine(spec.redact(e.getMessage())), null);
    }
    return s;
  }

  public ConnectionSpec spec() {
    return spec;
  }

  public long statementTimeoutMs() {
    return statementTimeoutMs;
  }

  public long lockTimeoutMs() {
    return lockTimeoutMs;
  }

  /** Statements sent to the server so far, including the session SETs. */
  public int statementsSent() {
    return statements;
  }

  /** Runs a query (marker added) with {@code params} bound in order, mapping every row. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(mark(sql))) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      statements++;
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(mapper.map(rs));
        return out;
      }
    }
  }

  /**
   * Runs one statement that takes no bound values and may be a utility statement (PREPARE, SET,
   * DEALLOCATE, BEGIN, ROLLBACK), marker added and counted. The text is sent as is with the simple
   * query protocol: {@code ?} is not a placeholder, JDBC escapes are off, and the server runs every
   * statement the text holds, so callers must have checked it is a single statement.
   */
  public void execute(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.setEscapeProcessing(false);
      statements++;
      simple(st, sql);
    }
  }

  /** Like {@link #execute(String)} for a statement that returns rows (e.g. EXPLAIN), mapping every row. */
  public <T> List<T> queryUnbound(String sql, RowMapper<T> mapper) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.setEscapeProcessing(false);
      statements++;
      if (!simple(st, sql)) throw new SQLException("the statement returned no rows", "02000");
      try (ResultSet rs = st.getResultSet()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(mapper.map(rs));
        return out;
      }
    }
  }

  /**
   * Sends {@code sql} with the simple query protocol: a text holding {@code $n} parameters with no
   * values (EXPLAIN (GENERIC_PLAN), PREPARE … AS) cannot go through the extended protocol, whose
   * Bind would have to supply them.
   */
  private static boolean simple(Statement st, String sql) throws SQLException {
    return st.unwrap(BaseStatement.class).executeWithFlags(mark(sql), QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
  }

  /** A query expected to return exactly one row. */
  public <T> T queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    List<T> rows = query(sql, mapper, params);
    if (rows.size() != 1) throw new SQLException("expected one row, got " + rows.size(), "P0003");
    return rows.get(0);
  }

  /** Runs {@code body} under a different {@code statement_timeout}, restoring the session default after. */
  public <T> T withStatementTimeout(long ms, SqlCallable<T> body) throws SQLException {
    if (ms == statementTimeoutMs) return body.call();
    setStatementTimeout(ms);
    try {
      return body.call();
    } finally {
      setStatementTimeout(statementTimeoutMs);
    }
  }

  private void setStatementTimeout(long ms) throws SQLException {
    queryOne("SELECT set_config('statement_timeout', ?, false)", rs -> rs.getString(1), ms + "ms");
  }

  /** {@code server_version_num}, read once. */
  public PgVersion version() throws SQLException {
    if (version == null) {
      version = new PgVersion(queryOne("SELECT current_setting('server_version_num')::int", rs -> rs.getInt(1)));
    }
    return version;
  }

  /** Installed extensions of the connected database with their versions, read once. */
  public Map<String, String> extensions() throws SQLException {
    if (extensions == null) {
      Map<String, String> m = new TreeMap<>();
      query("SELECT extname::text, extversion FROM pg_extension ORDER BY extname",
          rs -> m.put(rs.getString(1), rs.getString(2)));
      extensions = Collections.unmodifiableMap(m);
    }
    return extensions;
  }

  public Optional<String> extensionVersion(String name) throws SQLException {
    return Optional.ofNullable(extensions().get(name));
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // closing a broken connection: nothing left to do
    }
  }

  static String mark(String sql) {
    String s = sql.stripLeading();
    return s.startsWith(MARKER) ? s : MARKER + " " + s;
  }

  /** First line of a message, whitespace collapsed, capped at 300 characters. */
  public static String oneLine(String s) {
    if (s == null) return "unknown error";
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
