package dev.pgops.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.snapshot.SnapshotJson;
import dev.pgops.testing.EmbeddedPg;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4's acceptance test and the live facts, on the code path {@code pgops review} uses: facts from
 * {@link ReviewFactsLoader} (a live connection, or a snapshot file written and read back), then
 * {@link ReviewEngine} with the built-in migration rules. One server per major; database {@code bigdb} holds a
 * table of a few MB, {@code emptydb} the same table empty; the size thresholds are scaled down (large = 1 MB) so
 * the test stays fast.
 */
class ReviewFactsIT {
  private static final String MON_PASSWORD = "mon-pw";
  private static final String MIGRATION = """
      ALTER TABLE big ADD COLUMN c uuid DEFAULT gen_random_uuid();
      CREATE INDEX big_c_idx ON big (c);
      """;
  private static final ReviewOptions OPTIONS =
      ReviewOptions.defaults().withSizes(64 * 1024, ReviewOptions.MB, 50 * ReviewOptions.MB);
  private static final CollectOptions COLLECT = CollectOptions.defaults().withToolVersion("it");
  private static final Map<Integer, EmbeddedPg> SERVERS = new HashMap<>();

  @TempDir Path tmp;

  private static synchronized EmbeddedPg server(int major) {
    return SERVERS.computeIfAbsent(major, m -> {
      EmbeddedPg pg = EmbeddedPg.builder(m).passwordAuth().start();
      for (String db : List.of("bigdb", "emptydb")) {
        pg.createDatabase(db);
        // no autovacuum: a worker on the table would be one more live session on it
        pg.exec(db, "CREATE TABLE big (id bigint PRIMARY KEY, payload text NOT NULL, created timestamptz DEFAULT now())"
            + " WITH (autovacuum_enabled = off)");
      }
      // about 5 MB with its primary key: "large" for OPTIONS, and quick to load
      pg.exec("bigdb", "INSERT INTO big (id, payload) SELECT g, md5(g::text) || md5((g * 7)::text) "
          + "FROM generate_series(1, 40000) g");
      pg.exec("bigdb", "ANALYZE big");
      pg.exec("emptydb", "ANALYZE big");
      pg.exec("postgres", "CREATE ROLE mon LOGIN PASSWORD '" + MON_PASSWORD + "'; GRANT pg_monitor TO mon;"
          + "CREATE ROLE migrator LOGIN");
      return pg;
    });
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(EmbeddedPg::close);
    SERVERS.clear();
  }

  private static ConnectionSpec superuser(EmbeddedPg pg, String db) {
    return ConnectionSpec.resolve(pg.uri("postgres", null, db), Map.of(), null);
  }

  private static ConnectionSpec monitor(EmbeddedPg pg, String db) {
    return ConnectionSpec.resolve(pg.uri("mon", MON_PASSWORD, db), Map.of(), null);
  }

  private static MigrationFile migration() {
    return MigrationReader.read("V7__big_c.sql", MIGRATION);
  }

  private static Set<String> targets() {
    return ReviewFactsLoader.targetsOf(List.of(migration()));
  }

  private static ReviewResult review(ReviewFacts facts) {
    return new ReviewEngine(BuiltInRules.MIGRATION).review(List.of(migration()), facts, OPTIONS, PgopsConfig.defaults());
  }

  private static Optional<Finding> finding(ReviewResult r, String ruleId) {
    List<Finding> found = r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(found.size()).as(ruleId + " in " + r.findings()).isLessThanOrEqualTo(1);
    return found.stream().findFirst();
  }

  /** Live facts, plus the same facts through a snapshot file written and read back. */
  private List<ReviewFacts> liveAndFile(ConnectionSpec spec, String role, String name) throws Exception {
    ReviewFactsLoader.Loaded live = ReviewFactsLoader.liveWithSnapshot(spec, COLLECT, targets(), role);
    Path file = tmp.resolve(name + ".json.gz");
    SnapshotJson.write(live.snapshot(), file);
    return List.of(live.facts(), ReviewFactsLoader.fromSnapshot(file, role));
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void theSameMigrationIsMoreSevereAndSizedAgainstALargeTable(int major) throws Exception {
    EmbeddedPg pg = server(major);
    assertThat(targets()).contains("public.big");
    List<ReviewFacts> large = liveAndFile(superuser(pg, "bigdb"), null, "big");
    List<ReviewFacts> empty = liveAndFile(superuser(pg, "emptydb"), null, "empty");
    assertThat(large.get(0).source()).isEqualTo("live localhost:" + pg.port() + "/bigdb");
    assertThat(large.get(1).source()).startsWith("snapshot ").endsWith("big.json.gz");

    for (int i = 0; i < 2; i++) {
      ReviewFacts bigFacts = large.get(i);
      ReviewFacts emptyFacts = empty.get(i);
      String how = i == 0 ? "live" : "snapshot file";
      assertThat(bigFacts.major()).as(how).isEqualTo(major);
      assertThat(bigFacts.versionNum() / 10000).as(how).isEqualTo(major);
      assertThat(bigFacts.versionKnown()).isTrue();
      TableFacts t = bigFacts.table("big").orElseThrow();
      assertThat(t.totalBytes()).as(how).isBetween(ReviewOptions.MB, 50 * ReviewOptions.MB);
      assertThat(t.estimatedRows()).as(how).isEqualTo(40000);
      assertThat(t.indexCount()).isEqualTo(1);
      assertThat(t.columnTypes()).containsEntry("payload", "text").containsEntry("created", "timestamp with time zone");
      assertThat(t.writesPerSecond()).as("40000 inserts over a window of seconds").isPositive();
      assertThat(emptyFacts.table("big").orElseThrow().totalBytes()).isLessThan(64 * 1024);

      ReviewResult onLarge = review(bigFacts);
      ReviewResult onEmpty = review(emptyFacts);
      Finding big = finding(onLarge, "create-index-non-concurrent").orElseThrow();
      Finding small = finding(onEmpty, "create-index-non-concurrent").orElseThrow();
      assertThat(big.severity()).as(how).isEqualTo(Severity.HIGH);
      assertThat(small.severity()).as(how).isEqualTo(Severity.LOW);
      assertThat(big.severity().compareTo(small.severity())).as("more severe on the large table").isNegative();
      assertThat(big.message()).as(how).contains("public.big").contains(" MB").contains("40 k rows")
          .contains("1 index").contains("estimated ");
      assertThat(small.message()).doesNotContain(" MB");
      assertThat(big.evidence()).containsKeys("tableTotalSize", "estimatedRows", "indexes", "estimatedDuration",
          "writesPerSecond");
      assertThat(big.evidence().get("tableTotalSize")).endsWith(" MB");
      assertThat(big.evidence().get("estimatedRows")).isEqualTo("40 k");
      // no timeout set anywhere: the file-level rule fires on both
      assertThat(finding(onLarge, "missing-lock-timeout")).as(how).isPresent();
      assertThat(finding(onEmpty, "missing-lock-timeout")).as(how).isPresent();
      assertThat(finding(onLarge, "unknown-statement")).isEmpty();
      assertThat(bigFacts.timeouts()).isEmpty();
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aSessionHoldingALockOnTheTableIsNamedAndNothingIsLeftOpen(int major) throws Exception {
    EmbeddedPg pg = server(major);
    try (Connection holder = pg.connect("bigdb")) {
      int pid;
      try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      holder.setAutoCommit(false);
      try (Statement st = holder.createStatement()) {
        st.execute("LOCK TABLE big IN ACCESS SHARE MODE");
      }

      ReviewFacts facts = ReviewFactsLoader.live(monitor(pg, "bigdb"), COLLECT, targets(), null);
      assertThat(facts.table("public.big").orElseThrow().activeSessions())
          .singleElement().asString().startsWith("pid " + pid + " (postgres").contains("idle in transaction")
          .contains("holds AccessShareLock");
      Finding f = finding(review(facts), "create-index-non-concurrent").orElseThrow();
      assertThat(f.message()).contains("1 session(s) hold or wait for locks on it right now");
      assertThat(f.evidence().get("activeSessions")).contains("pid " + pid);

      // the review's own session is gone and left no transaction or lock behind
      try (Connection su = pg.connect("bigdb"); Statement st = su.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgops'")) {
          rs.next();
          assertThat(rs.getInt(1)).isZero();
        }
        try (ResultSet rs = st.executeQuery("SELECT array_agg(DISTINCT pid) FROM pg_locks "
            + "WHERE relation = 'public.big'::regclass")) {
          rs.next();
          assertThat((Integer[]) rs.getArray(1).getArray()).containsExactly(pid);
        }
      }
      holder.rollback();
    }
    // without a holder, nothing is reported on the table
    ReviewFacts quiet = ReviewFactsLoader.live(monitor(pg, "bigdb"), COLLECT, targets(), null);
    assertThat(quiet.table("big").orElseThrow().activeSessions()).isEmpty();
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aRoleLevelLockTimeoutSilencesMissingLockTimeout(int major) throws Exception {
    EmbeddedPg pg = server(major);
    pg.exec("postgres", "ALTER ROLE migrator SET lock_timeout = '3s'");
    try {
      List<ReviewFacts> both = liveAndFile(monitor(pg, "bigdb"), "migrator", "role");
      for (ReviewFacts facts : both) {
        assertThat(facts.timeouts()).as(facts.source()).containsEntry("lock_timeout", "role migrator: 3s");
        ReviewResult r = review(facts);
        assertThat(finding(r, "missing-lock-timeout")).as(facts.source()).isEmpty();
        assertThat(finding(r, "create-index-non-concurrent")).isPresent();
      }
      // the live connection reads database-level settings, a snapshot says it cannot
      assertThat(both.get(0).notes()).noneMatch(n -> n.contains("IN DATABASE"));
      assertThat(both.get(1).notes()).anyMatch(n -> n.contains("ALTER ROLE migrator IN DATABASE settings are not in a snapshot"));
      // as the connecting role (mon) the migration has no timeout
      ReviewFacts asMon = ReviewFactsLoader.live(monitor(pg, "bigdb"), COLLECT, targets(), null);
      assertThat(asMon.timeouts()).doesNotContainKey("lock_timeout");
      assertThat(finding(review(asMon), "missing-lock-timeout")).isPresent();
    } finally {
      pg.exec("postgres", "ALTER ROLE migrator RESET ALL");
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aPgMonitorOnlyRoleGetsEveryFact(int major) throws Exception {
    EmbeddedPg pg = server(major);
    pg.exec("bigdb", "ALTER DATABASE bigdb SET statement_timeout = '1min'");
    try {
      ReviewFactsLoader.Loaded l = ReviewFactsLoader.liveWithSnapshot(monitor(pg, "bigdb"), COLLECT, targets(), null);
      assertThat(l.snapshot().meta().superuser()).isFalse();
      assertThat(l.snapshot().meta().memberOf()).contains("pg_monitor");
      ReviewFacts facts = l.facts();
      assertThat(facts.notes()).as("nothing unreadable for pg_monitor").noneMatch(n -> n.contains("not read")
          || n.contains("unknown") || n.contains("not collected"));
      assertThat(facts.timeouts()).containsEntry("statement_timeout", "database bigdb: 1min");
      TableFacts t = facts.table("big").orElseThrow();
      assertThat(t.totalBytes()).isGreaterThan(ReviewOptions.MB);
      assertThat(t.indexCount()).isEqualTo(1);
    } finally {
      pg.exec("bigdb", "ALTER DATABASE bigdb RESET ALL");
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aFailingLiveStatementIsANoteNotAnAbort(int major) {
    EmbeddedPg pg = server(major);
    // the sessions statement needs pg_partition_tree: without it that statement fails, the rest still arrives
    pg.exec("bigdb", "REVOKE EXECUTE ON FUNCTION pg_partition_tree(regclass) FROM PUBLIC");
    try {
      ReviewFacts facts = ReviewFactsLoader.live(monitor(pg, "bigdb"), COLLECT, targets(), null);
      assertThat(facts.table("big")).isPresent();
      assertThat(facts.notes()).anyMatch(n -> n.startsWith("sessions and locks on the reviewed tables not read: SQLState 42501"));
      assertThat(facts.notes()).noneMatch(n -> n.contains("timeout") && n.contains("not read"));
    } finally {
      pg.exec("bigdb", "GRANT EXECUTE ON FUNCTION pg_partition_tree(regclass) TO PUBLIC");
    }
  }
}
