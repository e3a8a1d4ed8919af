package dev.pgops.collect.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.snapshot.Section;
import dev.pgops.testing.EmbeddedPg;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review's live statements against a real server: lock holders and waiters on the reviewed tables (and their
 * partitions), long transactions elsewhere, every level of lock_timeout / statement_timeout (the server level read
 * from reset_val although pgops's session SETs its own), names bound not spliced, a pg_monitor-only role, and a
 * session left read-only with no open transaction.
 */
class ReviewTargetsCollectorIT {
  private static final String MON_PASSWORD = "mon-pw";
  private static final Map<Integer, EmbeddedPg> SERVERS = new HashMap<>();

  private static synchronized EmbeddedPg server(int major) {
    return SERVERS.computeIfAbsent(major, m -> {
      EmbeddedPg pg = EmbeddedPg.builder(m).passwordAuth().start();
      pg.createDatabase("app");
      pg.exec("app", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);"
          + "CREATE TABLE other (id int);"
          + "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);"
          + "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"
          + "CREATE SCHEMA \"Sales\"; CREATE TABLE \"Sales\".\"Q1\" (id int);");
      pg.exec("postgres", "CREATE ROLE mon LOGIN PASSWORD '" + MON_PASSWORD + "'; GRANT pg_monitor TO mon;"
          + "CREATE ROLE migrator LOGIN; CREATE ROLE app_user LOGIN;"
          + "GRANT CONNECT ON DATABASE app TO app_user");
      pg.exec("app", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_user");
      return pg;
    });
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(EmbeddedPg::close);
    SERVERS.clear();
  }

  private static ConnectionSpec monitor(EmbeddedPg pg) {
    return ConnectionSpec.resolve(pg.uri("mon", MON_PASSWORD, "app"), Map.of(), null);
  }

  private static ReviewTargets collect(PgSession s, ReviewTargetsCollector c) throws SQLException {
    Section<ReviewTargets> section = c.collect(s);
    return section.collected().orElseThrow();
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void holdersWaitersPartitionsAndLongTransactions(int major) throws Exception {
    EmbeddedPg pg = server(major);
    try (Connection holder = pg.connect("app"); Connection waiter = pg.connect("app");
         Connection partition = pg.connect("app"); Connection elsewhere = pg.connect("app")) {
      int holderPid = begin(holder, "LOCK TABLE orders IN ACCESS SHARE MODE");
      int partitionPid = begin(partition, "SELECT count(*) FROM events_2026");
      int elsewherePid = begin(elsewhere, "SELECT count(*) FROM other");
      int waiterPid = pid(waiter);
      waiter.setAutoCommit(false);
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
        try (Statement st = waiter.createStatement()) {
          st.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      awaitWaiting(pg, waiterPid);

      try (PgSession s = PgSession.open(monitor(pg))) {
        ReviewTargets t = collect(s, new ReviewTargetsCollector(
            List.of("public.orders", "public.events", "Sales.Q1", "public.no_such_table"), null, 0, 100));
        assertThat(t.sessionsRead()).isTrue();
        assertThat(t.notes()).isEmpty();
        TargetSession held = one(t.sessions(), x -> "public.orders".equals(x.target()) && x.pid() == holderPid);
        assertThat(held.granted()).isTrue();
        assertThat(held.lockModes()).containsExactly("AccessShareLock");
        assertThat(held.user()).as("pg_monitor reads other roles' sessions").isEqualTo("postgres");
        assertThat(held.state()).isEqualTo("idle in transaction");
        assertThat(held.xactAgeSec()).isNotNull();
        TargetSession wait = one(t.sessions(), x -> "public.orders".equals(x.target()) && x.pid() == waiterPid);
        assertThat(wait.granted()).isFalse();
        assertThat(wait.lockModes()).containsExactly("AccessExclusiveLock");
        assertThat(wait.blockedBy()).contains(holderPid);
        assertThat(wait.waitEventType()).isEqualTo("Lock");
        TargetSession part = one(t.sessions(), x -> x.pid() == partitionPid);
        assertThat(part.target()).as("a lock on a partition counts for the partitioned table").isEqualTo("public.events");
        TargetSession other = one(t.sessions(), x -> x.pid() == elsewherePid);
        assertThat(other.target()).as("long transaction holding no lock on a target").isNull();
        assertThat(other.granted()).isNull();
        int self = pgopsPid(s);
        assertThat(t.sessions()).noneMatch(x -> x.pid() != null && x.pid() == self);

        // the long-transaction age filters the ones without a target
        ReviewTargets longOnly = collect(s, new ReviewTargetsCollector(List.of("public.orders"), null, 3600, 100));
        assertThat(longOnly.sessions()).noneMatch(x -> x.target() == null);
        // the row cap
        ReviewTargets capped = collect(s, new ReviewTargetsCollector(List.of("public.orders"), null, 0, 1));
        assertThat(capped.sessions()).hasSize(1);
        assertThat(capped.notes()).contains("live sessions capped at 1 rows");
        // names are bound, never spliced: a hostile name is just a table that does not exist
        ReviewTargets hostile = collect(s, new ReviewTargetsCollector(
            List.of("public.x'); DROP TABLE orders; --", "public.\"orders"), null, 3600, 100));
        assertThat(hostile.sessionsRead()).isTrue();
        assertThat(hostile.sessions()).isEmpty();

        // read-only, and nothing left open by the collector
        String readOnly = s.queryOne("SELECT current_setting('transaction_read_only')", rs -> rs.getString(1));
        assertThat(readOnly).isEqualTo("on");
        try (Connection su = pg.connect("app"); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("SELECT state, xact_start IS NULL, application_name FROM pg_stat_activity WHERE pid = "
                 + self)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("idle");
          assertThat(rs.getBoolean(2)).as("no open transaction").isTrue();
          assertThat(rs.getString(3)).isEqualTo("pgops");
        }
      }
      holder.rollback();
      waiting.get(10, TimeUnit.SECONDS);
      waiter.rollback();
      partition.rollback();
      elsewhere.rollback();
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void timeoutsAtEveryLevel(int major) throws Exception {
    EmbeddedPg pg = server(major);
    try {
      pg.exec("postgres", "ALTER ROLE migrator SET lock_timeout = '3s';"
          + "ALTER ROLE migrator IN DATABASE app SET statement_timeout = '2min';"
          + "ALTER DATABASE app SET statement_timeout = '1h';"
          + "ALTER ROLE app_user SET lock_timeout = '0'");
      try (PgSession s = PgSession.open(monitor(pg))) {
        ReviewTargets t = collect(s, new ReviewTargetsCollector(Set.of(), "migrator"));
        assertThat(t.timeoutsRead()).isTrue();
        assertThat(t.notes()).isEmpty();
        assertThat(t.timeouts()).containsExactly(
            new TimeoutSetting("lock_timeout", "role migrator", "3s"),
            new TimeoutSetting("lock_timeout", "server configuration", "0"),
            new TimeoutSetting("statement_timeout", "role migrator in database app", "2min"),
            new TimeoutSetting("statement_timeout", "database app", "1h"));

        ReviewTargets app = collect(s, new ReviewTargetsCollector(Set.of(), "app_user"));
        assertThat(app.timeouts()).startsWith(new TimeoutSetting("lock_timeout", "role app_user", "0"));

        ReviewTargets missing = collect(s, new ReviewTargetsCollector(Set.of(), "nobody"));
        assertThat(missing.notes()).contains("role nobody does not exist on the server: its own timeouts are unknown");
        assertThat(missing.timeouts()).contains(new TimeoutSetting("statement_timeout", "database app", "1h"));
      }

      // the server level: postgresql.conf / ALTER SYSTEM, read through reset_val while pgops's session has SET its
      // own lock_timeout (100 ms) and statement_timeout
      // ALTER SYSTEM may not share a query string (an implicit transaction) with another statement
      pg.exec("postgres", "ALTER SYSTEM SET lock_timeout = '7s'");
      pg.exec("postgres", "SELECT pg_reload_conf()");
      awaitSetting(pg, "lock_timeout", "7s");
      try (PgSession s = PgSession.open(monitor(pg))) {
        String own = s.queryOne("SELECT current_setting('lock_timeout')", rs -> rs.getString(1));
        assertThat(own).isEqualTo("100ms");
        ReviewTargets t = collect(s, new ReviewTargetsCollector(Set.of(), "app_user"));
        assertThat(t.timeouts()).contains(new TimeoutSetting("lock_timeout", "role app_user", "0"),
            new TimeoutSetting("lock_timeout", "server configuration", "7s"));
        // the connecting role's own setting would hide the server level from reset_val: said, not guessed
        pg.exec("postgres", "ALTER ROLE mon SET lock_timeout = '1s'");
      }
      try (PgSession s = PgSession.open(monitor(pg))) {
        ReviewTargets t = collect(s, new ReviewTargetsCollector(Set.of(), "app_user"));
        assertThat(t.timeouts()).noneMatch(x -> x.parameter().equals("lock_timeout") && x.level().equals("server configuration"));
        assertThat(t.notes()).anyMatch(n -> n.startsWith("lock_timeout of the server configuration is unknown: the connecting role mon"));
        ReviewTargets self = collect(s, new ReviewTargetsCollector(Set.of(), null));
        assertThat(self.timeouts()).startsWith(new TimeoutSetting("lock_timeout", "role mon", "1s"));
      }
    } finally {
      pg.exec("postgres", "ALTER SYSTEM RESET lock_timeout");
      pg.exec("postgres", "SELECT pg_reload_conf()");
      pg.exec("postgres", "ALTER ROLE mon RESET ALL; ALTER ROLE migrator RESET ALL; ALTER ROLE app_user RESET ALL;"
          + "ALTER ROLE migrator IN DATABASE app RESET ALL; ALTER DATABASE app RESET ALL");
      awaitSetting(pg, "lock_timeout", "0");
    }
  }

  // --- helpers -------------------------------------------------------------------------------------

  private static int begin(Connection c, String sql) throws SQLException {
    int pid = pid(c);
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
    return pid;
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int pgopsPid(PgSession s) throws SQLException {
    return s.queryOne("SELECT pg_backend_pid()", rs -> rs.getInt(1));
  }

  private static void awaitWaiting(EmbeddedPg pg, int pid) throws Exception {
    for (int i = 0; i < 100; i++) {
      try (Connection c = pg.connect("app"); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = " + pid)) {
        rs.next();
        if (rs.getInt(1) > 0) return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("pid " + pid + " never waited for its lock");
  }

  /** A reload reaches new sessions asynchronously: wait until a fresh session sees the value. */
  private static void awaitSetting(EmbeddedPg pg, String name, String value) {
    for (int i = 0; i < 100; i++) {
      try (Connection c = pg.connect("app"); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
        rs.next();
        if (value.equals(rs.getString(1))) return;
        Thread.sleep(50);
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(name + " never became " + value);
  }

  private static TargetSession one(List<TargetSession> list, java.util.function.Predicate<TargetSession> p) {
    List<TargetSession> found = list.stream().filter(p).toList();
    assertThat(found).as("sessions " + list).hasSize(1);
    return found.get(0);
  }
}
