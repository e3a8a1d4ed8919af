package dev.pgops.bench;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.collect.statements.StatementsCollector;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.Statements;
import dev.pgops.testing.EmbeddedPg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: starts PostgreSQL 17 (or {@code -Dbench.major}), fills pg_stat_statements
 * with 5,000 distinct statements (or {@code -Dbench.statements}) and prints the statements
 * collector's time (median of 5 runs, each on a fresh session), the rows it returned and the
 * statements it sent. Run: {@code mvn -B -o -pl collectors -Pbench test}.
 */
public final class StatementsCollectBench {
  private StatementsCollectBench() {}

  public static void main(String[] args) throws java.sql.SQLException {
    int major = Integer.getInteger("bench.major", 17);
    int distinct = Integer.getInteger("bench.statements", 5000);
    int runs = 5;
    try (EmbeddedPg pg = EmbeddedPg.builder(major).config("pg_stat_statements.max", String.valueOf(distinct * 2)).start()) {
      pg.createDatabase("bench");
      StringBuilder cols = new StringBuilder();
      for (int i = 1; i <= 100; i++) cols.append(i == 1 ? "" : ", ").append("c").append(i).append(" int");
      pg.exec("bench", "CREATE EXTENSION pg_stat_statements; CREATE TABLE wide (" + cols + ")");
      long t0 = System.nanoTime();
      // SELECT c<a> + c<b> FROM wide: a distinct query id per (a, b); track = all records the EXECUTEs
      pg.exec("bench", "SET pg_stat_statements.track = 'all'; DO $$ BEGIN FOR i IN 0.." + (distinct - 1)
          + " LOOP EXECUTE format('SELECT c%s + c%s FROM wide', i / 100 + 1, i % 100 + 1); END LOOP; END $$");
      long fillMs = (System.nanoTime() - t0) / 1_000_000;

      ConnectionSpec spec = ConnectionSpec.resolve(pg.uri("postgres", null, "bench"), Map.of(), null);
      StatementsCollector collector = new StatementsCollector(CollectOptions.defaults());
      List<Double> times = new ArrayList<>();
      Statements last = null;
      CollectorRun lastRun = null;
      for (int i = 0; i < runs; i++) {
        try (PgSession s = PgSession.open(spec)) {
          s.version(); // read once per session by every collector run: keep it out of the timing
          long start = System.nanoTime();
          SnapshotCollector.Outcome<Statements> o = SnapshotCollector.runOne(s, collector, s.statementTimeoutMs());
          times.add(Math.round((System.nanoTime() - start) / 100_000.0) / 10.0);
          if (o.run().status() != CollectorRun.Status.OK) throw new IllegalStateException(o.run().reason());
          last = o.section().collected().orElseThrow();
          lastRun = o.run();
        }
      }
      List<Double> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      System.out.printf("StatementsCollectBench: PostgreSQL %d, pg_stat_statements %s, %d entries (%d distinct generated in %d ms)%n",
          major, last.extensionVersion(), last.entries(), distinct, fillMs);
      System.out.printf("  statements collector: median %.1f ms over %d runs %s; rows returned %d (top N %d, cap %d);"
          + " statements sent %d%n", sorted.get(runs / 2), runs, times, last.statements().size(),
          CollectOptions.DEFAULT_STATEMENTS_TOP_N, CollectOptions.DEFAULT_STATEMENTS_ROW_CAP, lastRun.statements());
    }
  }
}
