package dev.pgops.collect.statements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import dev.pgops.testing.EmbeddedPg;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements collector against real servers (pg_stat_statements preloaded by EmbeddedPg): a
 * workload's statements with their counters, a statement that is top only by temp blocks, the SQL
 * variant chosen by the installed extension version (also when it lags the server), the skip reasons
 * with their fixes, rows of other users kept, and a statement count independent of the number of entries.
 */
class StatementsCollectorIT {
  private static final Map<Integer, EmbeddedPg> SERVERS = new HashMap<>();

  private static synchronized EmbeddedPg server(int major) {
    return SERVERS.computeIfAbsent(major, m -> {
      EmbeddedPg pg = EmbeddedPg.start(m);
      pg.createDatabase("work");
      pg.exec("work", "CREATE SCHEMA stats; CREATE EXTENSION pg_stat_statements SCHEMA stats;"
          + " CREATE TABLE t (id int PRIMARY KEY, v text);"
          + " INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 20000) g; ANALYZE t;"
          + " CREATE TABLE wide (" + wideColumns() + ")");
      pg.createDatabase("bare");
      pg.exec("postgres", "CREATE ROLE peeker LOGIN");
      pg.exec("work", "GRANT USAGE ON SCHEMA stats TO peeker");
      return pg;
    });
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(EmbeddedPg::close);
    SERVERS.clear();
  }

  static String wideColumns() {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 80; i++) b.append(i == 1 ? "" : ", ").append("c").append(i).append(" int");
    return b.toString();
  }

  /** A DO block that runs {@code n} statements with distinct query ids ({@code SELECT c<a> + c<b> FROM wide}). */
  static String distinctStatements(int n) {
    return "SET pg_stat_statements.track = 'all'; DO $$ BEGIN FOR i IN 0.." + (n - 1) + " LOOP "
        + "EXECUTE format('SELECT c%s + c%s FROM wide', i / 80 + 1, i % 80 + 1); END LOOP; END $$";
  }

  private static ConnectionSpec spec(EmbeddedPg pg, String user, String db) {
    return ConnectionSpec.resolve(pg.uri(user, null, db), Map.of(), null);
  }

  private static SnapshotCollector.Outcome<Statements> run(EmbeddedPg pg, String user, String db, StatementsCollector c) {
    try (PgSession s = PgSession.open(spec(pg, user, db))) {
      return SnapshotCollector.runOne(s, c, s.statementTimeoutMs());
    }
  }

  private static Statements collected(SnapshotCollector.Outcome<Statements> o) {
    assertThat(o.run().status()).as(o.run().reason()).isEqualTo(CollectorRun.Status.OK);
    return o.section().collected().orElseThrow();
  }

  private static void workload(EmbeddedPg pg) throws SQLException {
    workload(pg, "0.5");
  }

  /** Resets the statistics, then: 5 counts over t, 12 × SELECT $1, one sleep, one sort spilled to disk. */
  private static void workload(EmbeddedPg pg, String sleepSeconds) throws SQLException {
    try (Connection c = pg.connect("work"); Statement st = c.createStatement()) {
      st.execute("SELECT stats.pg_stat_statements_reset()");
      for (int i = 0; i < 5; i++) st.execute("SELECT count(*) FROM t WHERE id > " + (i + 1));
      for (int i = 0; i < 12; i++) st.execute("SELECT " + i);
      st.execute("SELECT pg_sleep(" + sleepSeconds + ")");
      st.execute("SET work_mem = '64kB'");
      st.execute("SELECT g FROM generate_series(1, 100000) g ORDER BY g DESC OFFSET 99999");
    }
  }

  private static StatementStats find(List<StatementStats> rows, String textPart) {
    List<StatementStats> found = rows.stream().filter(r -> r.query().contains(textPart)).toList();
    assertThat(found).as("statements containing " + textPart + " in " + rows.stream().map(StatementStats::query).toList())
        .hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void workloadStatementsAppearWithTheirCounters(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    workload(pg);
    Statements s = collected(run(pg, "postgres", "work", new StatementsCollector(CollectOptions.defaults())));

    StatementStats count = find(s.statements(), "FROM t WHERE id >");
    assertThat(count.calls()).isEqualTo(5);
    assertThat(count.rows()).isEqualTo(5);
    assertThat(count.totalExecMs()).isPositive();
    assertThat(count.meanExecMs()).isPositive();
    assertThat(count.maxExecMs()).isGreaterThanOrEqualTo(count.minExecMs());
    assertThat(count.sharedBlocksHit() + count.sharedBlocksRead()).isGreaterThanOrEqualTo(5L * 100);
    assertThat(count.database()).isEqualTo("work");
    assertThat(count.user()).isEqualTo("postgres");
    assertThat(count.queryId()).matches("-?\\d+");
    assertThat(count.query()).contains("$1");
    assertThat(count.toplevel()).isTrue();
    assertThat(count.walRecords()).isNotNull();
    assertThat(count.jitFunctions() == null).isEqualTo(major < 15);

    StatementStats sort = find(s.statements(), "ORDER BY g DESC");
    assertThat(sort.tempBlocksWritten()).isPositive();
    assertThat(sort.tempBlocksRead()).isPositive();

    assertThat(s.entries()).isGreaterThanOrEqualTo(s.statements().size());
    assertThat(s.totalCalls()).isGreaterThanOrEqualTo(5 + 12 + 2);
    assertThat(s.totalExecMs()).isGreaterThanOrEqualTo(500);
    assertThat(s.max()).isEqualTo(5000);
    assertThat(s.track()).isEqualTo("top");
    assertThat(s.trackPlanning()).isFalse();
    assertThat(s.deallocations() == null).isEqualTo(major < 14);
    assertThat(s.statsReset() == null).isEqualTo(major < 14);
    assertThat(s.queryTextLimit()).isEqualTo(2000);
    assertThat(s.masked()).isFalse();
    assertThat(s.statements()).isSortedAccordingTo((a, b) -> Double.compare(b.totalTimeMs(), a.totalTimeMs()));
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void unionIncludesAStatementTopOnlyByTempBlocks(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    workload(pg, "2"); // the sleep must beat the sort on total time even on a loaded machine
    Statements s = collected(run(pg, "postgres", "work", new StatementsCollector(1, 100, 2000, false)));
    List<StatementStats> rows = s.statements();
    StatementStats sort = find(rows, "ORDER BY g DESC");
    // not the top by total time (pg_sleep), mean time (1 call < 5), calls (SELECT $1 ran 12 times) or reads
    assertThat(rows.get(0).query()).contains("pg_sleep");
    assertThat(rows.stream().mapToLong(StatementStats::calls).max().orElseThrow()).isGreaterThan(sort.calls());
    assertThat(sort.calls()).isLessThan(5);
    assertThat(sort.sharedBlocksRead()).isZero();
    // five lists of one: at most five rows
    assertThat(rows).hasSizeBetween(3, 5);
    assertThat(rows.stream().mapToLong(StatementStats::tempBlocksWritten).max().orElseThrow())
        .isEqualTo(sort.tempBlocksWritten());
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void variantFollowsTheInstalledExtensionVersion(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    String defaultVersion;
    try (Connection c = pg.connect("work"); Statement st = c.createStatement();
         var rs = st.executeQuery("SELECT default_version FROM pg_available_extensions WHERE name = 'pg_stat_statements'")) {
      rs.next();
      defaultVersion = rs.getString(1);
    }
    Map<Integer, String> expectedVersion = Map.of(13, "1.8", 14, "1.9", 15, "1.10", 16, "1.10", 17, "1.11", 18, "1.12");
    Map<String, String> expectedFile = Map.of("1.8", "statements.sql", "1.9", "statements.ext1_9.sql",
        "1.10", "statements.ext1_10.sql", "1.11", "statements.ext1_11.sql", "1.12", "statements.ext1_11.sql");
    if (expectedVersion.containsKey(major)) assertThat(defaultVersion).isEqualTo(expectedVersion.get(major));
    Statements s = collected(run(pg, "postgres", "work", new StatementsCollector(CollectOptions.defaults())));
    assertThat(s.extensionVersion()).isEqualTo(defaultVersion);
    assertThat(StatementsCollector.variantFile(defaultVersion)).isEqualTo(expectedFile.get(defaultVersion));

    // an extension left at 1.8 on a newer server (upgraded without ALTER EXTENSION UPDATE) uses the 1.8 SQL
    if (major >= 14) {
      String db = "lagging";
      if (!databaseExists(pg, db)) {
        pg.createDatabase(db);
        pg.exec(db, "CREATE EXTENSION pg_stat_statements VERSION '1.8'");
      }
      Statements old = collected(run(pg, "postgres", db, new StatementsCollector(CollectOptions.defaults())));
      assertThat(old.extensionVersion()).isEqualTo("1.8");
      assertThat(StatementsCollector.variantFile(old.extensionVersion())).isEqualTo("statements.sql");
      assertThat(old.deallocations()).isNull();
      assertThat(old.statements()).isNotEmpty().allSatisfy(r -> assertThat(r.jitFunctions()).isNull());
    }
  }

  private static boolean databaseExists(EmbeddedPg pg, String db) throws SQLException {
    try (Connection c = pg.connect("postgres"); var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, db);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void notInstalledIsSkippedWithTheFix(int major) {
    var o = run(server(major), "postgres", "bare", new StatementsCollector(CollectOptions.defaults()));
    assertThat(o.run().status()).isEqualTo(CollectorRun.Status.SKIPPED);
    assertThat(o.run().reason()).isEqualTo("pg_stat_statements is not installed in database bare: add it to"
        + " shared_preload_libraries (restart), then CREATE EXTENSION pg_stat_statements");
    assertThat(o.run().statements()).isEqualTo(2); // version, extension lookup
    assertThat(o.section().unavailableReason()).contains(o.run().reason());
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void installedButNotPreloadedIsSkippedWithTheFix(int major) {
    try (EmbeddedPg pg = EmbeddedPg.builder(major).config("shared_preload_libraries", "").start()) {
      pg.exec("postgres", "CREATE EXTENSION pg_stat_statements");
      var o = run(pg, "postgres", "postgres", new StatementsCollector(CollectOptions.defaults()));
      assertThat(o.run().status()).isEqualTo(CollectorRun.Status.SKIPPED);
      assertThat(o.run().reason()).isEqualTo("pg_stat_statements is installed in database postgres but not loaded:"
          + " add it to shared_preload_libraries (restart)");
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void otherUsersRowsAreKeptWithoutTheirText(int major) throws SQLException {
    EmbeddedPg pg = server(major);
    workload(pg);
    Statements s = collected(run(pg, "peeker", "work", new StatementsCollector(CollectOptions.defaults().withMaskQueryText(true))));
    assertThat(s.masked()).isTrue();
    StatementStats hidden = s.statements().stream().filter(r -> "postgres".equals(r.user()) && r.calls() == 5)
        .findFirst().orElseThrow();
    assertThat(hidden.query()).isEqualTo(StatementsCollector.INSUFFICIENT_PRIVILEGE);
    assertThat(hidden.queryId()).isNull();
    assertThat(hidden.totalExecMs()).isPositive();
    assertThat(s.statements()).anySatisfy(r -> {
      assertThat(r.user()).isEqualTo("peeker");
      assertThat(r.query()).isNotEqualTo(StatementsCollector.INSUFFICIENT_PRIVILEGE);
    });
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void statementsSentDoNotDependOnTheNumberOfEntries(int major) {
    EmbeddedPg pg = server(major);
    StatementsCollector c = new StatementsCollector(10, 30, 40, true);
    pg.exec("work", "SELECT stats.pg_stat_statements_reset()");
    pg.exec("work", distinctStatements(10));
    var few = run(pg, "postgres", "work", c);
    pg.exec("work", distinctStatements(3000));
    var many = run(pg, "postgres", "work", c);

    Statements fewS = collected(few);
    Statements manyS = collected(many);
    assertThat(fewS.entries()).isLessThan(100);
    assertThat(manyS.entries()).isGreaterThanOrEqualTo(3000);
    assertThat(many.run().statements()).isEqualTo(few.run().statements()).isEqualTo(4); // version, extension, top, totals
    assertThat(manyS.statements()).hasSizeLessThanOrEqualTo(30);
    assertThat(manyS.statements()).allSatisfy(r -> assertThat(r.query().length()).isLessThanOrEqualTo(40));
    assertThat(manyS.statements()).anySatisfy(r -> assertThat(r.query()).matches("SELECT c\\d+ \\+ c\\d+ FROM wide"));
  }
}
