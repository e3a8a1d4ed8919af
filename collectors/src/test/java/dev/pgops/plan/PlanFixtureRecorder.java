package dev.pgops.plan;

import dev.pgops.testing.EmbeddedPg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the EXPLAIN JSON fixtures under {@code src/test/resources/dev/pgops/plan/} from real servers.
 * Disabled by default (the recorded files are committed); re-record with
 * <pre>mvn -o -pl collectors test -Dtest=PlanFixtureRecorder -Dpgops.record.plans=13,14,15,16,17,18</pre>
 * For each major and case it writes {@code pgNN-<case>.json} (EXPLAIN ANALYZE, BUFFERS, VERBOSE with
 * track_io_timing on), {@code pgNN-<case>-plain.json} (EXPLAIN VERBOSE, SETTINGS, no execution) and, on 16+,
 * {@code pgNN-<case>-generic.json} (GENERIC_PLAN) for the cases with a {@code $1} form, plus
 * {@code pgNN-default-options.json}: plain {@code EXPLAIN (ANALYZE, FORMAT JSON)} (BUFFERS on by default in 18).
 */
class PlanFixtureRecorder {
  static final Path DIR = Path.of("src/test/resources/dev/pgops/plan");

  /** A recorded case: session settings, the query, and an optional $1 form for GENERIC_PLAN. */
  record Case(String name, String settings, String query, String generic, boolean dml, int minMajor) {}

  static final List<Case> CASES = List.of(
      new Case("clean-pk-lookup", "", "SELECT id, amount FROM orders WHERE id = 42",
          "SELECT id, amount FROM orders WHERE id = $1", false, 13),
      new Case("clean-join", "",
          "SELECT c.id, c.region, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = 7",
          null, false, 13),
      new Case("sort-spill", "SET work_mem = '64kB'", "SELECT id, amount, pad FROM orders ORDER BY amount, pad", null, false, 13),
      new Case("misestimate", "",
          "SELECT count(*) FROM orders WHERE city = 'c1' AND zip = 'z1' AND region = 'r1'", null, false, 13),
      new Case("function-scan", "", "SELECT * FROM few_rows()", null, false, 13),
      new Case("seq-scan-selective", "", "SELECT * FROM orders WHERE status = 'open'",
          "SELECT * FROM orders WHERE status = $1", false, 13),
      new Case("nested-loop", "SET enable_hashjoin = off; SET enable_mergejoin = off",
          "SELECT c.region, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id <= 5000 GROUP BY c.region",
          "SELECT c.region, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id <= $1 GROUP BY c.region",
          false, 13),
      new Case("hash-batches", "SET work_mem = '64kB'; SET enable_mergejoin = off; SET enable_nestloop = off",
          "SELECT count(*), max(c.note) FROM orders o JOIN customers c ON c.id = o.customer_id", null, false, 13),
      new Case("hashagg-spill", "SET work_mem = '64kB'; SET enable_sort = off; SET enable_indexscan = off; SET enable_indexonlyscan = off",
          "SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id", null, false, 13),
      new Case("lossy-bitmap", "SET work_mem = '64kB'; SET enable_seqscan = off; SET enable_indexscan = off",
          "SELECT count(*) FROM orders WHERE created BETWEEN '2024-01-01' AND '2024-06-30'", null, false, 13),
      new Case("heap-fetches", "SET enable_seqscan = off; SET enable_bitmapscan = off",
          "SELECT customer_id, amount FROM orders WHERE customer_id BETWEEN 100 AND 4000", null, false, 13),
      new Case("gather", "SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; "
          + "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0",
          "SELECT count(*) FROM orders WHERE amount > 500", null, false, 13),
      new Case("workers-not-launched", "SET max_parallel_workers_per_gather = 2; SET max_parallel_workers = 0; "
          + "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0",
          "SELECT count(*) FROM orders WHERE amount > 500", null, false, 13),
      new Case("cte-materialized", "",
          "WITH x AS MATERIALIZED (SELECT * FROM orders) SELECT * FROM x WHERE customer_id = 7", null, false, 13),
      new Case("trigger-time", "", "INSERT INTO audited (id) SELECT g FROM generate_series(1, 200) g", null, true, 13),
      new Case("heap-fetches-join", "SET enable_hashjoin = off; SET enable_mergejoin = off; SET work_mem = '64kB'",
          "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id <= 60000", null, false, 14),
      new Case("planning-heavy", "", "SELECT * FROM parted WHERE v = 1", null, false, 13));

  static final String SCHEMA = """
      CREATE TABLE customers (id int PRIMARY KEY, region text, note text);
      INSERT INTO customers SELECT g, 'r' || (g % 10), repeat('n', 60) FROM generate_series(1, 20000) g;
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int, status text, city text, zip text, region text,
        amount numeric, created date, pad text) WITH (autovacuum_enabled = off);
      INSERT INTO orders SELECT g, g % 20000 + 1, CASE WHEN g % 1000 = 0 THEN 'open' ELSE 'done' END,
        'c' || (g % 100), 'z' || (g % 100), 'r' || (g % 100), g % 997, date '2024-01-01' + g % 365, repeat('p', 60)
        FROM generate_series(1, 200000) g;
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      CREATE INDEX orders_created_idx ON orders (created);
      CREATE INDEX orders_customer_amount_idx ON orders (customer_id, amount);
      CREATE FUNCTION few_rows() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 1; END $$;
      CREATE TABLE audited (id int);
      CREATE FUNCTION audit_slow() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN PERFORM count(*) FROM customers; RETURN NEW; END $$;
      CREATE TRIGGER audited_slow BEFORE INSERT ON audited FOR EACH ROW EXECUTE FUNCTION audit_slow();
      CREATE TABLE parted (k int, v int) PARTITION BY HASH (k);
      """;

  @Test
  @EnabledIfSystemProperty(named = "pgops.record.plans", matches = ".+")
  void record() throws Exception {
    Files.createDirectories(DIR);
    for (String m : System.getProperty("pgops.record.plans").split(",")) recordMajor(Integer.parseInt(m.trim()));
  }

  private void recordMajor(int major) throws Exception {
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      pg.createDatabase("plans");
      pg.exec("plans", SCHEMA);
      StringBuilder parts = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        parts.append("CREATE TABLE parted_").append(i).append(" PARTITION OF parted FOR VALUES WITH (MODULUS 200, REMAINDER ")
            .append(i).append(");\n");
      }
      pg.exec("plans", parts.toString());
      pg.exec("plans", "VACUUM ANALYZE customers");
      pg.exec("plans", "VACUUM ANALYZE orders");
      // clear the visibility map of the first tenth of the table: index-only scans must visit the heap
      pg.exec("plans", "UPDATE orders SET amount = amount WHERE id <= 20000");
      pg.exec("plans", "ANALYZE orders");
      // simple query mode: GENERIC_PLAN texts carry $1 that the extended protocol would try to bind
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl("plans") + "?user=postgres&preferQueryMode=simple")) {
        for (Case k : CASES) {
          if (major < k.minMajor()) continue;
          String prefix = "pg" + major + "-" + k.name();
          write(prefix + ".json", explain(c, k, "ANALYZE, BUFFERS, FORMAT JSON, VERBOSE", k.query(), true));
          write(prefix + "-plain.json", explain(c, k, "FORMAT JSON, VERBOSE, SETTINGS", k.query(), false));
          if (major >= 16 && k.generic() != null) {
            write(prefix + "-generic.json", explain(c, k, "GENERIC_PLAN, FORMAT JSON, VERBOSE, SETTINGS", k.generic(), false));
          }
        }
        write("pg" + major + "-default-options.json", explain(c, CASES.get(0), "ANALYZE, FORMAT JSON", CASES.get(0).query(), false));
      }
    }
  }

  private static String explain(Connection c, Case k, String options, String query, boolean ioTiming) throws Exception {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      List<String> sets = new ArrayList<>(List.of("SET LOCAL max_parallel_workers_per_gather = 0", "SET LOCAL jit = off"));
      if (ioTiming) sets.add("SET LOCAL track_io_timing = on");
      if (!k.settings().isBlank()) Arrays.stream(k.settings().split(";")).map(s -> s.trim().replaceFirst("^SET ", "SET LOCAL ")).forEach(sets::add);
      for (String s : sets) st.execute(s);
      try (ResultSet rs = st.executeQuery("EXPLAIN (" + options + ") " + query)) {
        rs.next();
        return rs.getString(1);
      }
    } finally {
      c.rollback(); // DML cases leave nothing behind
      c.setAutoCommit(true);
    }
  }

  private static void write(String name, String json) throws Exception {
    Files.writeString(DIR.resolve(name), json + "\n", StandardCharsets.UTF_8);
  }
}
