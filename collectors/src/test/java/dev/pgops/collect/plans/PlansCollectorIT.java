package dev.pgops.collect.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.testing.EmbeddedPg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans of a real workload on every configured major: a sort that spills, a correlated-column
 * misestimate, a selective seq scan on a 200k-row table and a nested loop with many inner loops, run
 * by an application role whose settings (work_mem, enable_hashjoin/mergejoin off) differ from the
 * pgops session's. The top statements are read from pg_stat_statements with plain JDBC and handed to
 * {@link PlansCollector} through a pg_monitor role's read-only session.
 */
class PlansCollectorIT {
  private static final Map<Integer, EmbeddedPg> SERVERS = new HashMap<>();
  private static final String DB = "app";

  static synchronized EmbeddedPg server(int major) {
    return SERVERS.computeIfAbsent(major, m -> {
      EmbeddedPg pg = EmbeddedPg.builder(m).config("pg_stat_statements.track_utility", "on")
          .config("logging_collector", "on").config("log_directory", "log").config("log_filename", "postgresql.log")
          .config("log_statement", "all").config("log_line_prefix", "%a|").start();
      pg.createDatabase(DB);
      pg.exec(DB, String.join("\n",
          "CREATE EXTENSION pg_stat_statements;",
          "CREATE TABLE big (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL, pad text NOT NULL);",
          // a and b are equal on every row: the planner multiplies their selectivities (100x+ misestimate)
          "INSERT INTO big SELECT i, i % 1000, i % 1000, md5(i::text) FROM generate_series(1, 200000) i;",
          "CREATE TABLE small (id int NOT NULL);",
          "INSERT INTO small SELECT i * 50 FROM generate_series(1, 2000) i;",
          "ANALYZE big; ANALYZE small;",
          "CREATE TABLE audit (at timestamptz NOT NULL);",
          "CREATE FUNCTION audit_f() RETURNS int LANGUAGE sql VOLATILE AS $$ INSERT INTO audit VALUES (now()) RETURNING 1 $$;",
          "CREATE SEQUENCE s;",
          // planning folds a constant call to an IMMUTABLE function: this one makes planning take 2 s
          "CREATE FUNCTION slow_to_plan() RETURNS int IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN 1; END $$;",
          "CREATE ROLE app_user LOGIN;",
          "GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_user;",
          "ALTER ROLE app_user SET work_mem = '64kB';",
          "ALTER ROLE app_user SET enable_hashjoin = off;",
          "ALTER ROLE app_user SET enable_mergejoin = off;",
          "CREATE ROLE mon LOGIN;",
          "GRANT pg_monitor TO mon;",
          "GRANT SELECT ON ALL TABLES IN SCHEMA public TO mon;",
          "GRANT INSERT ON audit TO mon;",
          "SELECT pg_stat_statements_reset();"));
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(DB), "app_user", null); Statement st = c.createStatement()) {
        for (int i = 0; i < 3; i++) {
          consume(st, "SELECT id, pad FROM big ORDER BY pad DESC OFFSET 199990");          // external sort
          consume(st, "SELECT count(*) FROM big WHERE a = 7 AND b = 7");                    // misestimate
          consume(st, "SELECT * FROM big WHERE pad = '" + "9f61408e3afb633e50cdf1b20de6f466" + "'"); // seq scan
          consume(st, "SELECT count(*) FROM small s JOIN big b ON b.id = s.id");           // nested loop
          consume(st, "SELECT count(*) FROM small WHERE 'abc' IS NULL");                   // $1 IS NULL: untyped
          consume(st, "SELECT 1 + 2");                                                      // $1 + $2: ambiguous
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      pg.exec(DB, "ANALYZE small");                                                         // utility statement
      return pg;
    });
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(EmbeddedPg::close);
    SERVERS.clear();
  }

  private static void consume(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) rs.getObject(1);
    }
  }

  static PgSession session(EmbeddedPg pg) {
    return PgSession.open(new ConnectionSpec("localhost", pg.port(), DB, "mon", null, null));
  }

  /** pg_stat_statements rows (all databases) as StatementStats with the fields the collector uses. */
  static List<StatementStats> statements(EmbeddedPg pg) throws SQLException {
    List<StatementStats> out = new ArrayList<>();
    try (Connection c = pg.connect(DB); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT s.queryid::text, r.rolname::text, d.datname::text, s.calls, s.rows,"
             + " s.total_exec_time, s.total_plan_time, s.query FROM pg_stat_statements s"
             + " JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid")) {
      while (rs.next()) {
        out.add(stats(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
      }
    }
    return out;
  }

  static StatementStats stats(String queryId, String user, String db, long calls, long rows, double execMs, double planMs, String query) {
    return new StatementStats(queryId, user, db, true, calls, rows, execMs, planMs, calls == 0 ? 0 : execMs / calls, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, query);
  }

  private static QueryPlan plan(List<QueryPlan> plans, Predicate<String> text) {
    // pgops' own EXPLAIN/PREPARE statements are in pg_stat_statements too (on PG18 without the marker
    // comment, which the extension no longer keeps); they are utility statements, not the workload
    Optional<QueryPlan> p = plans.stream()
        .filter(q -> q.query() != null && text.test(q.query()))
        .filter(q -> !List.of("EXPLAIN", "PREPARE", "DEALLOCATE").contains(SqlScan.of(q.query()).firstWord()))
        .findFirst();
    assertThat(p).as("a plan matching the text among %s", plans.stream().map(QueryPlan::query).toList()).isPresent();
    return p.get();
  }

  private static String method(int major) {
    return major >= 16 ? PlansCollector.GENERIC : PlansCollector.GENERIC_PREPARED;
  }

  @ParameterizedTest
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void topStatementsGetGenericPlansWithoutExecutingAndTheRestSaysWhy(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    List<StatementStats> input = new ArrayList<>(statements(pg));
    // texts the statements collector can hand over but the server must not (or cannot) plan
    input.add(stats("-1", "mon", DB, 1, 1, 1e9, 0, "<insufficient privilege>"));
    input.add(stats("-2", "mon", DB, 1, 1, 1e9 - 1, 0, "SELECT 1; DROP TABLE big"));
    input.add(stats("-3", "mon", DB, 1, 1, 1e9 - 2, 0, "SELECT * FROM big WHERE"));
    input.add(stats("-4", "mon", "postgres", 1, 1, 1e9, 0, "SELECT * FROM pg_class"));
    input.add(stats("-5", "mon", DB, 1, 1, 1e9 - 3, 0, "SELECT * FROM big WHERE pad = $1 AND id > " + "9".repeat(40)));

    List<QueryPlan> plans;
    int sent;
    try (PgSession s = session(pg)) {
      int start = s.statementsSent();
      plans = new PlansCollector(input, new PlanOptions(20, 80, 5000, false, 5, 2000)).collect(s).collected().orElseThrow();
      sent = s.statementsSent() - start;
      // the session is usable afterwards: no open transaction, no leftover prepared statement
      assertThat(s.<Long>queryOne("SELECT count(*) FROM pg_prepared_statements", rs -> rs.getLong(1))).isZero();
      assertThat(s.<String>queryOne("SELECT current_setting('plan_cache_mode')", rs -> rs.getString(1))).isEqualTo("auto");
    }

    for (Predicate<String> workload : List.<Predicate<String>>of(
        q -> q.contains("ORDER BY pad DESC"), q -> q.contains("a = $1 AND b = $2"),
        q -> q.startsWith("SELECT * FROM big WHERE pad = $1") && !q.contains("id >"),
        q -> q.contains("JOIN big b ON b.id = s.id"))) {
      QueryPlan p = plan(plans, workload);
      assertThat(p.status()).as(p.query() + ": " + p.reason()).isEqualTo(QueryPlan.OK);
      assertThat(p.method()).isEqualTo(method(major));
      JsonNode top = p.explain().get(0);
      assertThat(top.path("Plan").path("Node Type").asText()).isNotEmpty();
      assertThat(top.path("Plan").has("Output")).as("VERBOSE").isTrue();
      assertThat(top.path("Plan").has("Actual Rows")).as("never executed").isFalse();
      // planned under the pgops session's settings, not the workload role's ALTER ROLE … SET
      assertThat(top.path("Settings").has("enable_hashjoin")).isFalse();
    }
    QueryPlan sort = plan(plans, q -> q.contains("ORDER BY pad DESC"));
    assertThat(sort.explain().toString()).contains("\"Sort Key\"");

    // PREPARE (13–15) needs every parameter's type; EXPLAIN (GENERIC_PLAN) plans an unknown one as is
    QueryPlan untyped = plan(plans, q -> q.contains("WHERE $1 IS NULL"));
    if (major < 16) {
      assertThat(untyped.status()).as(untyped.query()).isEqualTo(QueryPlan.NOT_EXPLAINABLE);
      assertThat(untyped.reason()).contains("could not determine data type of parameter $1").contains("42P18");
    } else {
      assertThat(untyped.status()).as(untyped.reason()).isEqualTo(QueryPlan.OK);
    }
    // unknown + unknown cannot be resolved on any major
    QueryPlan ambiguous = plan(plans, q -> q.equals("SELECT $1 + $2"));
    assertThat(ambiguous.status()).isEqualTo(QueryPlan.NOT_EXPLAINABLE);
    assertThat(ambiguous.reason()).as(ambiguous.reason()).contains("unknown").contains("SQLSTATE");

    QueryPlan utility = plan(plans, q -> q.equals("ANALYZE small"));
    assertThat(utility.status()).isEqualTo(QueryPlan.NOT_EXPLAINABLE);
    assertThat(utility.reason()).isEqualTo("utility statement (ANALYZE)");

    assertThat(plan(plans, q -> q.equals("<insufficient privilege>")).reason()).contains("insufficient privilege");
    assertThat(plan(plans, q -> q.startsWith("SELECT 1; DROP")).reason()).isEqualTo("the text holds more than one statement");
    assertThat(plan(plans, q -> q.equals("SELECT * FROM big WHERE")).reason()).contains("syntax error").contains("42601");
    assertThat(plan(plans, q -> q.contains("id > 999")).reason()).startsWith("query text truncated at 80 characters");
    assertThat(plans).noneMatch(p -> "-4".equals(p.queryId()));   // another database's statement
    assertThat(plans).allMatch(p -> p.method().equals(method(major)));

    long explained = plans.stream().filter(p -> p.status().equals(QueryPlan.OK) || p.reason().contains("SQLSTATE")).count();
    // 1 current_database + 1 version + 2 timeout + per plan (1 or 3) + 2 plan_cache_mode
    assertThat(sent).isLessThanOrEqualTo(6 + 3 * (int) explained);
    try (Connection c = pg.connect(DB); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM big")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(200_000);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void statementsSentAreBoundedByPlanCountNotByTheNumberOfStatements(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    List<StatementStats> input = new ArrayList<>(statements(pg));
    for (int i = 0; i < 3000; i++) {
      input.add(stats("9" + i, "app_user", DB, 1, 1, 0.001 * i, 0, "SELECT * FROM big WHERE id = $1 AND a <> " + i));
    }
    try (PgSession s = session(pg)) {
      int start = s.statementsSent();
      List<QueryPlan> plans = new PlansCollector(input, PlanOptions.defaults().withPlanCount(5)).collect(s).collected().orElseThrow();
      int sent = s.statementsSent() - start;
      assertThat(plans.stream().filter(QueryPlan::ok).count()).isLessThanOrEqualTo(5);
      assertThat(plans).hasSizeLessThanOrEqualTo(10);
      assertThat(sent).as("statements sent for %d inputs", input.size()).isLessThanOrEqualTo(6 + 3 * 5);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void explainAnalyzeRefusesDmlAndSideEffectsAndLeavesNoTrace(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    PlanOptions opts = PlanOptions.defaults().withExplainAnalyze(true, 5, 2000);
    try (PgSession s = session(pg)) {
      for (String dml : List.of("UPDATE big SET pad = 'x' WHERE id = 1",
          "WITH x AS (DELETE FROM big WHERE id = 1 RETURNING *) SELECT * FROM x",
          "SELECT nextval('s')")) {
        int start = s.statementsSent();
        QueryPlan p = PlansCollector.explainAnalyze(s, dml, opts);
        assertThat(p.status()).isEqualTo(QueryPlan.NOT_EXPLAINABLE);
        assertThat(p.method()).isEqualTo(PlansCollector.ANALYZE);
        assertThat(p.reason()).startsWith("refused: ");
        assertThat(s.statementsSent()).as("nothing sent for " + dml).isEqualTo(start);
      }
      assertThat(PlansCollector.explainAnalyze(s, "UPDATE big SET pad = 'x' WHERE id = 1", opts).reason())
          .isEqualTo("refused: explain-analyze only runs a single SELECT (found UPDATE)");

      // a SELECT with a side effect passes the parser check; the READ ONLY transaction stops it
      QueryPlan audit = PlansCollector.explainAnalyze(s, "SELECT audit_f()", opts);
      assertThat(audit.status()).isEqualTo(QueryPlan.NOT_EXPLAINABLE);
      assertThat(audit.reason()).contains("read-only transaction").contains("25006");
      assertThat(superuserLong(pg, "SELECT count(*) FROM audit")).isZero();

      QueryPlan ok = PlansCollector.explainAnalyze(s, "SELECT * FROM big WHERE id = 1", opts);
      assertThat(ok.status()).as(ok.reason()).isEqualTo(QueryPlan.OK);
      JsonNode plan = ok.explain().get(0).path("Plan");
      assertThat(plan.path("Actual Rows").asDouble()).isEqualTo(1.0);
      assertThat(plan.has("Shared Hit Blocks")).as("BUFFERS").isTrue();

      QueryPlan slow = PlansCollector.explainAnalyze(s, "SELECT pg_sleep(5)", opts.withExplainAnalyze(true, 5, 300));
      assertThat(slow.reason()).isEqualTo("timed out after 300 ms");

      // no transaction left open: the session is idle, holds no xid, and its own settings are back
      assertThat(s.<Boolean>queryOne("SELECT txid_current_if_assigned() IS NULL", rs -> rs.getBoolean(1))).isTrue();
      assertThat(s.<String>queryOne("SELECT current_setting('statement_timeout')", rs -> rs.getString(1))).isEqualTo("5s");
      int pid = s.queryOne("SELECT pg_backend_pid()", rs -> rs.getInt(1));
      assertThat(superuserString(pg, "SELECT state || ':' || coalesce(backend_xid::text, '-') FROM pg_stat_activity WHERE pid = " + pid))
          .isEqualTo("idle:-");
    }
    assertThat(superuserLong(pg, "SELECT count(*) FROM audit")).isZero();
    assertThat(superuserString(pg, "SELECT pad FROM big WHERE id = 1")).isNotEqualTo("x");
  }

  @ParameterizedTest
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void theCollectorAnalysesOnlyParameterFreeSelectsUpToTheCap(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    List<StatementStats> input = statements(pg);
    try (PgSession s = session(pg)) {
      List<QueryPlan> plans = new PlansCollector(input, PlanOptions.defaults().withExplainAnalyze(true, 1, 5000))
          .collect(s).collected().orElseThrow();
      List<QueryPlan> analyzed = plans.stream().filter(p -> p.method().equals(PlansCollector.ANALYZE)).toList();
      assertThat(analyzed).hasSize(1);
      assertThat(analyzed.get(0).query()).doesNotContain("$");
      assertThat(analyzed.get(0).ok()).as(analyzed.get(0).reason()).isTrue();
      assertThat(analyzed.get(0).explain().get(0).path("Plan").has("Actual Loops")).isTrue();
      QueryPlan join = plan(plans, q -> q.contains("JOIN big b ON b.id = s.id"));
      if (!join.method().equals(PlansCollector.ANALYZE)) assertThat(join.method()).isEqualTo(method(major));
      assertThat(plans).filteredOn(p -> p.query().contains("$1")).allMatch(p -> p.method().equals(method(major)));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aPlanThatTimesOutIsNotExplainableAndTheNextStillRuns(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    List<StatementStats> input = List.of(
        stats("1", "app_user", DB, 1, 1, 100, 0, "SELECT slow_to_plan() FROM small WHERE id = $1"),
        stats("2", "app_user", DB, 1, 1, 50, 0, "SELECT * FROM big WHERE id = $1"));
    try (PgSession s = session(pg)) {
      List<QueryPlan> plans = new PlansCollector(input, PlanOptions.defaults().withPlanTimeoutMs(300)).collect(s)
          .collected().orElseThrow();
      assertThat(plans).extracting(QueryPlan::queryId).containsExactly("1", "2");
      assertThat(plans.get(0).status()).isEqualTo(QueryPlan.NOT_EXPLAINABLE);
      assertThat(plans.get(0).reason()).isEqualTo("timed out after 300 ms");
      assertThat(plans.get(1).ok()).as(plans.get(1).reason()).isTrue();
      assertThat(plans.get(1).method()).isEqualTo(method(major));
      assertThat(s.<String>queryOne("SELECT current_setting('statement_timeout')", rs -> rs.getString(1))).isEqualTo("5s");
      assertThat(s.<Long>queryOne("SELECT count(*) FROM pg_prepared_statements", rs -> rs.getLong(1))).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void everyStatementSentCarriesTheMarker(int major) throws Exception {
    EmbeddedPg pg = server(major);
    String fence = "pgops-plans-fence-" + System.nanoTime();
    int sent;
    try (PgSession s = session(pg)) {
      int start = s.statementsSent();
      new PlansCollector(statements(pg), PlanOptions.defaults().withExplainAnalyze(true, 2, 2000)).collect(s);
      PlansCollector.explainAnalyze(s, "SELECT audit_f()", PlanOptions.defaults());
      s.queryOne("SELECT '" + fence + "'", rs -> rs.getString(1));
      sent = s.statementsSent() - start;
    }
    Path log = pg.dataDir().resolve("log").resolve("postgresql.log");
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      if (lines.stream().anyMatch(l -> l.contains(fence))) break;
      Thread.sleep(100);
    }
    String fenceLine = lines.stream().filter(l -> l.contains(fence)).findFirst().orElseThrow();
    // the statements pgops sent since the collector started (log_line_prefix '%a|')
    List<String> ours = lines.stream()
        .filter(l -> l.startsWith(PgSession.APPLICATION_NAME + "|LOG:  statement: ") || l.startsWith(PgSession.APPLICATION_NAME + "|LOG:  execute "))
        .toList();
    assertThat(ours).contains(fenceLine);
    assertThat(ours).allSatisfy(l -> assertThat(l.substring(l.indexOf(": ", l.indexOf("LOG:") + 5) + 2)).startsWith(PgSession.MARKER));
    assertThat(ours).anyMatch(l -> l.contains(PgSession.MARKER + " BEGIN READ ONLY"));
    assertThat(ours).anyMatch(l -> l.contains(PgSession.MARKER + " ROLLBACK"));
    assertThat(sent).isPositive();
  }

  private static long superuserLong(EmbeddedPg pg, String sql) throws SQLException {
    try (Connection c = pg.connect(DB); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String superuserString(EmbeddedPg pg, String sql) throws SQLException {
    try (Connection c = pg.connect(DB); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
