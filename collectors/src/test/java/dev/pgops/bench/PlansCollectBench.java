package dev.pgops.bench;

import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.plans.PlanOptions;
import dev.pgops.collect.plans.PlansCollector;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.testing.EmbeddedPg;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times collecting 20 generic plans from a PostgreSQL 17 server whose pg_stat_statements holds 5,000
 * distinct statements (joins over 71 small tables), median of 5 runs, each on a fresh session; prints
 * plans per second and the statements pgops sent, which must not depend on the 5,000. Run with
 * {@code mvn -B -pl collectors -Pbench verify} (benchmark profile; tests skipped).
 */
public final class PlansCollectBench {
  private static final int TABLES = 71;
  private static final int RUNS = 5;
  private static final int PLANS = 20;

  private PlansCollectBench() {}

  public static void main(String[] args) throws SQLException {
    try (EmbeddedPg pg = EmbeddedPg.builder(17).config("pg_stat_statements.max", "10000").start()) {
      pg.createDatabase("bench");
      StringBuilder ddl = new StringBuilder("CREATE EXTENSION pg_stat_statements;");
      for (int i = 0; i < TABLES; i++) ddl.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, v text);")
          .append("INSERT INTO t").append(i).append(" SELECT g, md5(g::text) FROM generate_series(1, 200) g;");
      ddl.append("ANALYZE; CREATE ROLE mon LOGIN; GRANT pg_monitor TO mon; GRANT SELECT ON ALL TABLES IN SCHEMA public TO mon;")
          .append("SELECT pg_stat_statements_reset();");
      pg.exec("bench", ddl.toString());

      long t0 = System.nanoTime();
      try (Connection c = pg.connect("bench"); Statement st = c.createStatement()) {
        for (int i = 0; i < TABLES; i++) {
          run(st, "SELECT count(*) FROM t" + i);
          for (int j = 0; j < TABLES; j++) {
            if (i != j) run(st, "SELECT count(*) FROM t" + i + " JOIN t" + j + " USING (id) WHERE t" + i + ".v > 'a'");
          }
        }
      }
      System.out.printf(Locale.ROOT, "workload: %d statements run in %.1f s%n", TABLES * TABLES, (System.nanoTime() - t0) / 1e9);

      long r0 = System.nanoTime();
      List<StatementStats> statements = readStatements(pg);
      double readMs = (System.nanoTime() - r0) / 1e6;
      System.out.printf(Locale.ROOT, "pg_stat_statements: %d entries read in %.1f ms (plain JDBC)%n", statements.size(), readMs);

      ConnectionSpec spec = new ConnectionSpec("localhost", pg.port(), "bench", "mon", null, null);
      double[] ms = new double[RUNS];
      int sent = 0;
      int ok = 0;
      for (int r = 0; r < RUNS; r++) {
        try (PgSession s = PgSession.open(spec)) {
          int start = s.statementsSent();
          long p0 = System.nanoTime();
          List<QueryPlan> plans = new PlansCollector(statements, PlanOptions.defaults().withPlanCount(PLANS))
              .collect(s).collected().orElseThrow();
          ms[r] = (System.nanoTime() - p0) / 1e6;
          sent = s.statementsSent() - start;
          ok = (int) plans.stream().filter(QueryPlan::ok).count();
        }
      }
      Arrays.sort(ms);
      double median = ms[RUNS / 2];
      System.out.printf(Locale.ROOT, "plans: %d of %d ok from %d statements; median %.1f ms over %d runs (min %.1f, max %.1f)"
          + " = %.0f plans/s; %d statements sent per collection%n",
          ok, PLANS, statements.size(), median, RUNS, ms[0], ms[RUNS - 1], ok / (median / 1000), sent);
      if (ok < PLANS) throw new IllegalStateException("expected " + PLANS + " plans, got " + ok);
    }
  }

  private static void run(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) rs.getLong(1);
    }
  }

  private static List<StatementStats> readStatements(EmbeddedPg pg) throws SQLException {
    List<StatementStats> out = new ArrayList<>();
    try (Connection c = pg.connect("bench"); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT s.queryid::text, d.datname::text, s.calls, s.rows, s.total_exec_time,"
             + " s.total_plan_time, s.query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid")) {
      while (rs.next()) {
        long calls = rs.getLong(3);
        double exec = rs.getDouble(5);
        out.add(new StatementStats(rs.getString(1), "postgres", rs.getString(2), true, calls, rs.getLong(4), exec,
            rs.getDouble(6), calls == 0 ? 0 : exec / calls, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            null, null, null, null, null, rs.getString(7)));
      }
    }
    return out;
  }
}
