package dev.pgops.collect.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.StatementStats;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Plans of the top statements, obtained without executing them: a generic plan from
 * {@code EXPLAIN (GENERIC_PLAN, FORMAT JSON, VERBOSE, SETTINGS)} on PostgreSQL 16+, or on 13–15 from
 * {@code PREPARE} + {@code plan_cache_mode = force_generic_plan} + {@code EXPLAIN … EXECUTE} with one
 * NULL per parameter (Part A §A7). Opt-in, a few plain SELECTs without parameters get an
 * {@link #explainAnalyze EXPLAIN ANALYZE} in a READ ONLY transaction that is always rolled back (§A6).
 *
 * <p>Query texts are untrusted. They reach the server only as the statement body after
 * {@code EXPLAIN (…)} or {@code PREPARE … AS}, and only when a lexer pass finds one statement that
 * EXPLAIN accepts; a text that fails (syntax, parameter typing, privileges, timeout) becomes a
 * "not-explainable" plan with the reason, never a collector failure. A broken connection still fails.
 *
 * <p>The plans are computed in the pgops session, under its role, planner settings and search_path,
 * not those of the role that ran the statement: {@code ALTER ROLE app SET enable_hashjoin = off} or a
 * role's {@code work_mem} do not apply here, so a plan can differ from the one the application got
 * (the {@code Settings} key that SETTINGS adds shows what this planner used), and an unqualified
 * table outside pgops' search_path makes the text "not-explainable" (relation does not exist). A
 * generic plan can also differ from the custom plans real parameter values get. Texts starting with
 * pgops' own marker are skipped (PG18's pg_stat_statements drops a leading comment, so there its own
 * EXPLAINs show up as utility statements instead).
 *
 * <p>Statements sent: 1 ({@code current_database()}) + version (cached by the session) + per plan 1
 * on 16+ or 3 on 13–15 (PREPARE, EXPLAIN EXECUTE, DEALLOCATE) + 2 for plan_cache_mode + 2 when the
 * plan timeout differs from the session's + 5 per EXPLAIN ANALYZE (BEGIN READ ONLY, 2 SET LOCAL,
 * EXPLAIN, ROLLBACK): bounded by the plan count, never a function of the number of statements given.
 */
public final class PlansCollector implements Collector<List<QueryPlan>> {
  public static final String NAME = "plans";
  public static final String GENERIC = "generic";
  public static final String GENERIC_PREPARED = "generic-prepared";
  public static final String ANALYZE = "analyze";
  static final String INSUFFICIENT_PRIVILEGE = "<insufficient privilege>";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXPLAIN_OPTIONS = "FORMAT JSON, VERBOSE, SETTINGS";

  private final List<StatementStats> statements;
  private final String database;
  private final PlanOptions opts;

  /** Plans for {@code statements} of the connected database ({@code current_database()}). */
  public PlansCollector(List<StatementStats> statements, PlanOptions opts) {
    this(statements, null, opts);
  }

  /** Plans for {@code statements} of {@code database}; null means the connected database. */
  public PlansCollector(List<StatementStats> statements, String database, PlanOptions opts) {
    this.statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
    this.database = database;
    this.opts = Objects.requireNonNull(opts, "opts");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Section<List<QueryPlan>> collect(PgSession pg) throws SQLException {
    String db = database != null ? database : pg.queryOne("SELECT current_database()", rs -> rs.getString(1));
    boolean genericPlanOption = pg.version().major() >= 16;
    List<StatementStats> top = statements.stream()
        // pgops' own statements (the marker starts them) are not the application's workload
        .filter(s -> db.equals(s.database()) && s.query() != null && !s.query().stripLeading().startsWith(PgSession.MARKER))
        .sorted(Comparator.comparingDouble(StatementStats::totalTimeMs).reversed()
            .thenComparing(StatementStats::queryId, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();

    // in total-time order: statements to explain, and those refused without sending anything (under
    // a cap of their own, so a list of utility statements cannot grow the section without bound)
    List<Candidate> rows = new ArrayList<>();
    List<Candidate> toExplain = new ArrayList<>();
    int refused = 0;
    for (StatementStats s : top) {
      if (toExplain.size() >= opts.planCount()) break;
      Optional<String> why = precheckWithLimit(s.query());
      if (why.isPresent()) {
        if (refused++ >= opts.planCount()) continue;
        Candidate c = new Candidate(s, 0);
        c.plan = notExplainable(s, genericPlanOption ? GENERIC : GENERIC_PREPARED, why.get());
        rows.add(c);
        continue;
      }
      Candidate c = new Candidate(s, toExplain.size() + 1);
      rows.add(c);
      toExplain.add(c);
    }

    int analyzed = 0;
    List<Candidate> generic = new ArrayList<>();
    for (Candidate c : toExplain) {
      if (opts.explainAnalyze() && analyzed < opts.analyzeCount() && AnalyzeGuard.refusal(c.stats.query()).isEmpty()) {
        analyzed++;
        c.plan = explainAnalyze(pg, c.stats.queryId(), c.stats.query(), opts);
      } else {
        generic.add(c);
      }
    }
    if (!generic.isEmpty()) {
      pg.withStatementTimeout(opts.planTimeoutMs(), () -> {
        if (genericPlanOption) {
          for (Candidate c : generic) c.plan = genericPlan(pg, c.stats);
        } else {
          pg.execute("SET plan_cache_mode = force_generic_plan");
          try {
            for (Candidate c : generic) c.plan = preparedGenericPlan(pg, c);
          } finally {
            pg.execute("RESET plan_cache_mode");
          }
        }
        return null;
      });
    }
    return Section.of(rows.stream().map(c -> c.plan).toList());
  }

  /**
   * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON, VERBOSE, SETTINGS)} of {@code sql} — only when
   * it parses as one plain SELECT without parameters, data-modifying CTE, locking clause or
   * sequence/dblink/advisory-lock call — as {@code BEGIN READ ONLY; SET LOCAL statement_timeout;
   * SET LOCAL lock_timeout; EXPLAIN …; ROLLBACK}, the ROLLBACK always sent. Anything refused or
   * failing is a "not-explainable" plan with the reason; a broken connection throws.
   */
  public static QueryPlan explainAnalyze(PgSession pg, String sql, PlanOptions opts) throws SQLException {
    return explainAnalyze(pg, null, sql, opts);
  }

  /** {@link #explainAnalyze(PgSession, String, PlanOptions)} for a known {@code queryId}. */
  public static QueryPlan explainAnalyze(PgSession pg, String queryId, String sql, PlanOptions opts) throws SQLException {
    String text = body(sql);
    Optional<String> why = precheck(text).or(() -> AnalyzeGuard.refusal(text));
    if (why.isPresent()) return new QueryPlan(queryId, sql, ANALYZE, QueryPlan.NOT_EXPLAINABLE, why.get(), null);
    // Autocommit stays on in JDBC: with it off pgjdbc would open the transaction with its own
    // unmarked BEGIN (and a BEGIN READ ONLY inside it would only warn). The explicit, marked
    // BEGIN READ ONLY … ROLLBACK below is the transaction; the session's
    // default_transaction_read_only is a second guard.
    pg.execute("BEGIN READ ONLY");
    try {
      pg.execute("SET LOCAL statement_timeout = '" + opts.analyzeTimeoutMs() + "ms'");
      pg.execute("SET LOCAL lock_timeout = '" + pg.lockTimeoutMs() + "ms'");
      JsonNode plan = explainJson(pg, "EXPLAIN (ANALYZE, BUFFERS, " + EXPLAIN_OPTIONS + ") " + text);
      return new QueryPlan(queryId, sql, ANALYZE, QueryPlan.OK, null, plan);
    } catch (SQLException e) {
      return new QueryPlan(queryId, sql, ANALYZE, QueryPlan.NOT_EXPLAINABLE, reason(e, opts.analyzeTimeoutMs()), null);
    } finally {
      pg.execute("ROLLBACK");
    }
  }

  // --- generic plans ------------------------------------------------------------------------------

  private QueryPlan genericPlan(PgSession pg, StatementStats s) throws SQLException {
    try {
      JsonNode plan = explainJson(pg, "EXPLAIN (GENERIC_PLAN, " + EXPLAIN_OPTIONS + ") " + body(s.query()));
      return new QueryPlan(s.queryId(), s.query(), GENERIC, QueryPlan.OK, null, plan);
    } catch (SQLException e) {
      return notExplainable(s, GENERIC, reason(e, opts.planTimeoutMs()));
    }
  }

  private QueryPlan preparedGenericPlan(PgSession pg, Candidate c) throws SQLException {
    StatementStats s = c.stats;
    String name = "pgops_p" + c.ordinal;
    try {
      pg.execute("PREPARE " + name + " AS " + body(s.query()));
    } catch (SQLException e) {
      return notExplainable(s, GENERIC_PREPARED, reason(e, opts.planTimeoutMs()));
    }
    try {
      int params = SqlScan.of(s.query()).maxParam();
      StringJoiner nulls = new StringJoiner(", ", "(", ")").setEmptyValue("");
      for (int i = 0; i < params; i++) nulls.add("NULL");
      JsonNode plan = explainJson(pg, "EXPLAIN (" + EXPLAIN_OPTIONS + ") EXECUTE " + name + nulls);
      return new QueryPlan(s.queryId(), s.query(), GENERIC_PREPARED, QueryPlan.OK, null, plan);
    } catch (SQLException e) {
      return notExplainable(s, GENERIC_PREPARED, reason(e, opts.planTimeoutMs()));
    } finally {
      pg.execute("DEALLOCATE " + name);
    }
  }

  private static JsonNode explainJson(PgSession pg, String sql) throws SQLException {
    String json = pg.queryUnbound(sql, rs -> rs.getString(1)).stream().findFirst()
        .orElseThrow(() -> new SQLException("EXPLAIN returned no row", "P0002"));
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new SQLException("EXPLAIN output is not JSON: " + e.getMessage(), "XX000", e);
    }
  }

  // --- checks and reasons -------------------------------------------------------------------------

  /**
   * Why {@code query} must not be sent at all, checked without the server: unreadable, truncated,
   * empty, several statements, or not a statement EXPLAIN takes.
   */
  private Optional<String> precheckWithLimit(String query) {
    if (opts.queryTextLimit() > 0 && query.length() >= opts.queryTextLimit()) {
      return Optional.of("query text truncated at " + opts.queryTextLimit()
          + " characters by the statements collector; raise the text limit to explain it");
    }
    return precheck(query);
  }

  private static Optional<String> precheck(String query) {
    if (query == null || query.isBlank()) return Optional.of("empty query text");
    if (query.strip().equals(INSUFFICIENT_PRIVILEGE)) {
      return Optional.of("query text not visible: insufficient privilege (grant pg_read_all_stats)");
    }
    SqlScan scan = SqlScan.of(query);
    if (scan.unterminated()) return Optional.of("the text has an unterminated literal, identifier or comment, or a backslash in a plain string literal");
    if (scan.multipleStatements()) return Optional.of("the text holds more than one statement");
    if (!scan.explainable()) {
      String first = scan.firstWord();
      return Optional.of(first.isEmpty() ? "no statement in the text" : "utility statement (" + first + ")");
    }
    return Optional.empty();
  }

  /** The text without trailing semicolons (the scan has checked nothing follows them). */
  static String body(String query) {
    String s = query.strip();
    while (s.endsWith(";")) s = s.substring(0, s.length() - 1).stripTrailing();
    return s;
  }

  static String reason(SQLException e, long timeoutMs) throws SQLException {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")) throw e; // connection gone: nothing else will work either
    if (state.equals("57014")) return "timed out after " + timeoutMs + " ms";
    String msg = PgSession.oneLine(firstLine(e.getMessage()));
    return state.isEmpty() ? msg : msg + " (SQLSTATE " + state + ")";
  }

  private static String firstLine(String s) {
    if (s == null) return null;
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static QueryPlan notExplainable(StatementStats s, String method, String reason) {
    return new QueryPlan(s.queryId(), s.query(), method, QueryPlan.NOT_EXPLAINABLE, reason, null);
  }

  private static final class Candidate {
    final StatementStats stats;
    final int ordinal;
    QueryPlan plan;

    Candidate(StatementStats stats, int ordinal) {
      this.stats = stats;
      this.ordinal = ordinal;
    }
  }
}
