package dev.pgops.collect.statements;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.Collector;
import dev.pgops.collect.CollectorSkipped;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code pg_stat_statements}: the union of the top N statements by total time, mean time (calls ≥ 5),
 * calls, shared blocks read and temp blocks written, capped at a row limit, plus the settings, totals
 * and {@code pg_stat_statements_info}. Three statements whatever the number of entries: the extension
 * lookup, the top-N union, the totals. The SQL variant follows the installed <em>extension</em>
 * version ({@code statements.sql} is 1.8, then {@code statements.extA_B.sql}), and the view is read
 * in the extension's own schema.
 *
 * <p>Query texts are cut to {@link CollectOptions#queryTextLimit()} on the server and, when asked,
 * masked with {@link QueryTextMasker}; texts that mention a password are always masked. Rows of other users read without {@code pg_read_all_stats}
 * are kept: their text is {@value #INSUFFICIENT_PRIVILEGE} and their query id null.
 */
public final class StatementsCollector implements Collector<Statements> {
  public static final String NAME = "statements";
  public static final String INSUFFICIENT_PRIVILEGE = "<insufficient privilege>";
  /** The oldest extension version the SQL supports (PostgreSQL 13's default). */
  public static final String MIN_EXTENSION_VERSION = "1.8";
  static final String NOT_LOADED_SQLSTATE = "55000";

  private static final VersionedSql EXTENSION = VersionedSql.of(StatementsCollector.class, "statements_extension");
  static final VersionedSql TOP = VersionedSql.ofExtension(StatementsCollector.class, "statements");
  static final VersionedSql TOTALS = VersionedSql.ofExtension(StatementsCollector.class, "statements_totals");
  /** What quote_ident returns: a plain lower-case identifier or a double-quoted one. */
  private static final Pattern QUOTED_IDENT = Pattern.compile("[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"");

  private final int topN;
  private final int rowCap;
  private final int queryTextLimit;
  private final boolean mask;

  public StatementsCollector(int topN, int rowCap, int queryTextLimit, boolean mask) {
    if (topN < 1 || rowCap < 1 || queryTextLimit < 1) throw new IllegalArgumentException("topN, rowCap, queryTextLimit must be >= 1");
    this.topN = topN;
    this.rowCap = rowCap;
    this.queryTextLimit = queryTextLimit;
    this.mask = mask;
  }

  public StatementsCollector(CollectOptions o) {
    this(o.statementsTopN(), o.statementsRowCap(), o.queryTextLimit(), o.maskQueryText());
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The installed version and the quoted schema of the extension. */
  record Installed(String database, String version, String schema) {}

  @Override
  public Section<Statements> collect(PgSession pg) throws SQLException {
    Installed ext = pg.queryOne(EXTENSION.forVersion(pg.version()),
        rs -> new Installed(rs.getString("database"), rs.getString("extversion"), rs.getString("schema")));
    if (ext.version() == null) {
      throw new CollectorSkipped("pg_stat_statements is not installed in database " + ext.database()
          + ": add it to shared_preload_libraries (restart), then CREATE EXTENSION pg_stat_statements");
    }
    if (VersionedSql.extensionKey(ext.version()) < VersionedSql.extensionKey(MIN_EXTENSION_VERSION)) {
      throw new CollectorSkipped("pg_stat_statements extension version " + ext.version() + " is older than "
          + MIN_EXTENSION_VERSION + ": ALTER EXTENSION pg_stat_statements UPDATE");
    }
    String schema = requireQuotedIdentifier(ext.schema());
    List<StatementStats> rows;
    try {
      rows = pg.query(TOP.forExtension(ext.version()).replace("{schema}", schema), this::row,
          queryTextLimit, topN, topN, topN, topN, topN, rowCap);
    } catch (SQLException e) {
      if (NOT_LOADED_SQLSTATE.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("shared_preload_libraries")) {
        throw new CollectorSkipped("pg_stat_statements is installed in database " + ext.database()
            + " but not loaded: add it to shared_preload_libraries (restart)");
      }
      throw e;
    }
    return Section.of(pg.queryOne(TOTALS.forExtension(ext.version()).replace("{schema}", schema), rs -> new Statements(
        ext.version(), rs.getLong("max"), rs.getString("track"), rs.getBoolean("track_planning"),
        rs.getLong("entries"), Rows.nullableLong(rs, "dealloc"), Rows.instant(rs, "stats_reset"),
        rs.getDouble("total_exec_ms"), rs.getDouble("total_plan_ms"), rs.getLong("total_calls"),
        queryTextLimit, mask, rows)));
  }

  /** The file of the top-N statement used for {@code extversion}, e.g. {@code statements.ext1_11.sql}. */
  public static String variantFile(String extversion) {
    return TOP.fileForExtension(extversion);
  }

  /**
   * The text to keep: literals masked when asked, and always when the text mentions a password
   * ({@code CREATE ROLE … PASSWORD '…'}, user mappings, connection strings): pg_stat_statements keeps
   * the literals of utility statements, secrets included.
   */
  static String clean(String text, boolean mask) {
    if (text == null) return "";
    if (INSUFFICIENT_PRIVILEGE.equals(text)) return text;
    if (mask || text.toLowerCase(java.util.Locale.ROOT).contains("password")) return QueryTextMasker.mask(text);
    return text;
  }

  static String requireQuotedIdentifier(String s) {
    if (s == null || !QUOTED_IDENT.matcher(s).matches()) {
      throw new IllegalStateException("unexpected quoted schema name for pg_stat_statements: " + s);
    }
    return s;
  }

  private StatementStats row(ResultSet rs) throws SQLException {
    String text = clean(rs.getString("query"), mask);
    return new StatementStats(rs.getString("query_id"), rs.getString("username"), rs.getString("datname"),
        rs.getBoolean("toplevel"), rs.getLong("calls"), rs.getLong("rows"),
        rs.getDouble("total_exec_ms"), rs.getDouble("total_plan_ms"), rs.getDouble("mean_exec_ms"),
        rs.getDouble("min_exec_ms"), rs.getDouble("max_exec_ms"), rs.getDouble("stddev_exec_ms"),
        rs.getLong("plans"),
        rs.getLong("shared_blks_hit"), rs.getLong("shared_blks_read"), rs.getLong("shared_blks_dirtied"),
        rs.getLong("shared_blks_written"), rs.getLong("local_blks_hit"), rs.getLong("local_blks_read"),
        rs.getLong("temp_blks_read"), rs.getLong("temp_blks_written"),
        rs.getDouble("shared_read_ms"), rs.getDouble("shared_write_ms"),
        Rows.nullableLong(rs, "wal_records"), Rows.nullableLong(rs, "wal_fpi"), Rows.nullableLong(rs, "wal_bytes"),
        Rows.nullableLong(rs, "jit_functions"), Rows.nullableDouble(rs, "jit_total_ms"),
        text);
  }
}
