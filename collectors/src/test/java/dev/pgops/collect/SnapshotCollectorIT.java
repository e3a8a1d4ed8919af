package dev.pgops.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.SequenceInfo;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import dev.pgops.snapshot.TableStats;
import dev.pgops.testing.EmbeddedPg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every collector against a real, seeded server (one per configured major, shared by the tests of
 * this class): the seeded facts, a pg_monitor-only role, read-only sessions, the statement marker in
 * the server log, a statement count independent of the number of objects, no password leaks, and
 * the JSON round trip.
 */
class SnapshotCollectorIT {
  private static final String MON_PASSWORD = "secret-pw";
  private static final Map<Integer, Server> SERVERS = new HashMap<>();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  /** A started, seeded server plus the sessions kept open to create activity facts. */
  private record Server(EmbeddedPg pg, Connection idleInTransaction) {}

  private static synchronized Server server(int major) {
    return SERVERS.computeIfAbsent(major, m -> {
      EmbeddedPg pg = EmbeddedPg.builder(m).passwordAuth()
          .config("logging_collector", "on")
          .config("log_destination", "csvlog")
          .config("log_directory", "log")
          .config("log_filename", "postgresql.log")
          .config("log_statement", "all")
          .config("log_line_prefix", "%m [%p] %a ")
          .start();
      pg.createDatabase("app");
      pg.execResource("app", SnapshotCollectorIT.class, "seed.sql");
      pg.exec("postgres", "CREATE ROLE mon LOGIN PASSWORD '" + MON_PASSWORD + "'; GRANT pg_monitor TO mon");
      pg.exec("app", "BEGIN; SELECT txid_current(); PREPARE TRANSACTION 'pgops_it'");
      pg.createDatabase("small");
      pg.createDatabase("big");
      pg.exec("small", tablesDo(10));
      pg.exec("big", tablesDo(2000));
      pg.exec("small", "CREATE EXTENSION pg_stat_statements");
      pg.exec("big", "CREATE EXTENSION pg_stat_statements");
      try {
        Connection idle = pg.connect("app");
        idle.setAutoCommit(false);
        try (Statement st = idle.createStatement()) {
          st.execute("SELECT txid_current()");
        }
        return new Server(pg, idle);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String tablesDo(int n) {
    return "DO $$ BEGIN FOR i IN 1.." + n + " LOOP "
        + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, v text, r int REFERENCES t1 (id))', i); "
        + "EXECUTE format('CREATE INDEX t%s_v_idx ON t%s (v)', i, i); "
        + "IF i % 500 = 0 THEN COMMIT; END IF; END LOOP; END $$";
  }

  @AfterAll
  static void stop() throws SQLException {
    for (Server s : SERVERS.values()) {
      s.idleInTransaction().close();
      s.pg().close();
    }
    SERVERS.clear();
  }

  private static ConnectionSpec superuser(EmbeddedPg pg, String db) {
    return ConnectionSpec.resolve(pg.uri("postgres", null, db), Map.of(), null);
  }

  private static ConnectionSpec monitor(EmbeddedPg pg, String db) {
    return ConnectionSpec.resolve(pg.uri("mon", MON_PASSWORD, db), Map.of(), null);
  }

  private static Snapshot collect(ConnectionSpec spec) {
    return SnapshotCollector.collect(spec, CollectOptions.defaults().withClock(CLOCK).withToolVersion("it"));
  }

  private static <T> T one(List<T> list, Predicate<T> p, String what) {
    List<T> found = list.stream().filter(p).toList();
    assertThat(found).as(what).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void seededFactsAreCollected(int major) {
    EmbeddedPg pg = server(major).pg();
    Snapshot s = collect(superuser(pg, "app"));

    assertThat(s.meta().collectors()).hasSize(18).allSatisfy(r -> assertThat(r.status())
        .as(r.name() + ": " + r.reason()).isEqualTo(CollectorRun.Status.OK));
    assertThat(s.control().collected().orElseThrow().systemIdentifier()).matches("[1-9][0-9]{9,19}");
    // no backup tool configured: the section says so, and no collector ran for it
    assertThat(s.backupTools().unavailableReason()).contains(SnapshotCollector.NO_BACKUP_TOOL);
    assertThat(s.meta().version().major()).isEqualTo(major);
    assertThat(s.meta().serverVersion()).startsWith(major + ".");
    assertThat(s.meta().database()).isEqualTo("app");
    assertThat(s.meta().connectedAs()).isEqualTo("postgres");
    assertThat(s.meta().superuser()).isTrue();
    assertThat(s.meta().inRecovery()).isFalse();
    assertThat(s.meta().postmasterStartedAt()).isNotNull();
    assertThat(s.meta().collectedAt()).isEqualTo(CLOCK.instant());
    assertThat(s.meta().extensions()).containsKeys("pg_stat_statements", "plpgsql");
    assertThat(s.meta().timeouts().statementTimeoutMs()).isEqualTo(5000);
    assertThat(s.meta().timeouts().lockTimeoutMs()).isEqualTo(100);
    assertThat(s.meta().timeouts().perCollectorMs()).containsEntry("tables", 15000L).containsEntry("settings", 5000L);

    assertThat(s.setting("max_prepared_transactions")).hasValueSatisfying(v -> assertThat(v.setting()).isEqualTo("10"));
    assertThat(s.setting("shared_preload_libraries")).hasValueSatisfying(v -> assertThat(v.setting()).contains("pg_stat_statements"));

    List<DatabaseStats> dbs = s.databases().collected().orElseThrow();
    assertThat(dbs).extracting(DatabaseStats::name).contains("app", "small", "big", "postgres", "template0");
    DatabaseStats app = one(dbs, d -> d.name().equals("app"), "app db");
    assertThat(app.sizeBytes()).isPositive();
    assertThat(app.xidAge()).isPositive();
    assertThat(app.sessions() != null).isEqualTo(major >= 14);

    List<TableStats> tables = s.tables().collected().orElseThrow();
    assertThat(tables).allSatisfy(t -> assertThat(t.schema()).isEqualTo("shop"));
    TableStats orders = one(tables, t -> t.name().equals("orders"), "orders");
    assertThat(orders.option("fillfactor")).isEqualTo("80");
    assertThat(orders.option("autovacuum_enabled")).isEqualTo("false");
    assertThat(orders.disabledTriggers()).isEqualTo(1);
    assertThat(orders.kind()).isEqualTo("r");
    assertThat(orders.tableBytes()).isPositive();
    assertThat(orders.indexesBytes()).isPositive();
    assertThat(orders.totalBytes()).isGreaterThanOrEqualTo(orders.tableBytes() + orders.indexesBytes());
    assertThat(orders.xidAge()).isPositive();
    assertThat(orders.estimatedRows()).isBetween(9000L, 11000L);
    assertThat(one(tables, t -> t.name().equals("customers"), "customers").comment()).isEqualTo("people who buy");
    assertThat(one(tables, t -> t.name().equals("sessions_cache"), "unlogged").persistence()).isEqualTo("u");
    TableStats events = one(tables, t -> t.name().equals("events"), "partitioned");
    assertThat(events.kind()).isEqualTo("p");
    assertThat(events.xidAge()).isZero();
    assertThat(one(tables, t -> t.name().equals("events_2026"), "partition").partition()).isTrue();

    List<IndexStats> idx = s.indexes().collected().orElseThrow();
    IndexStats dup = one(idx, i -> i.name().equals("customers_email_dup_idx"), "dup");
    IndexStats key = one(idx, i -> i.name().equals("customers_email_key"), "unique");
    assertThat(dup.keyColumns()).isEqualTo(key.keyColumns()).containsExactly("email");
    assertThat(key.unique()).isTrue();
    assertThat(key.constraintType()).isNull();
    assertThat(one(idx, i -> i.name().equals("customers_lower_email_idx"), "expr").keyColumns()).containsExactly("lower(email)");
    IndexStats partial = one(idx, i -> i.name().equals("orders_open_idx"), "partial");
    assertThat(partial.predicate()).contains("status").contains("done");
    IndexStats fkIdx = one(idx, i -> i.name().equals("orders_customer_id_idx"), "include");
    assertThat(fkIdx.keyColumns()).containsExactly("customer_id");
    assertThat(fkIdx.includeColumns()).containsExactly("status");
    assertThat(fkIdx.opclasses()).containsExactly("int8_ops");
    IndexStats pk = one(idx, i -> i.name().equals("order_lines_pkey"), "pk");
    assertThat(pk.primary()).isTrue();
    assertThat(pk.constraintType()).isEqualTo("p");
    assertThat(pk.keyColumns()).containsExactly("order_id", "line_no");
    assertThat(pk.opclasses()).containsExactly("int4_ops", "int4_ops");
    assertThat(pk.method()).isEqualTo("btree");
    assertThat(pk.definition()).startsWith("CREATE UNIQUE INDEX order_lines_pkey ON shop.order_lines");
    assertThat(one(idx, i -> i.name().equals("products_pkey"), "collation").collations()).containsExactly("C");
    assertThat(idx).allSatisfy(i -> assertThat(i.valid()).isTrue());
    if (major < 16) assertThat(idx).allSatisfy(i -> assertThat(i.lastScan()).isNull());

    List<ConstraintInfo> cons = s.constraints().collected().orElseThrow();
    ConstraintInfo notValid = one(cons, c -> c.name().equals("order_lines_order_fkey"), "not valid fk");
    assertThat(notValid.type()).isEqualTo("f");
    assertThat(notValid.validated()).isFalse();
    assertThat(notValid.columns()).containsExactly("order_id");
    assertThat(notValid.referencedSchema()).isEqualTo("shop");
    assertThat(notValid.referencedTable()).isEqualTo("orders");
    assertThat(notValid.referencedColumns()).containsExactly("id");
    ConstraintInfo cascade = one(cons, c -> c.name().equals("orders_customer_id_fkey"), "cascade fk");
    assertThat(cascade.onDelete()).isEqualTo("c");
    assertThat(cascade.onUpdate()).isEqualTo("a");
    assertThat(cascade.validated()).isTrue();
    assertThat(one(cons, c -> c.name().equals("order_lines_sku_fkey"), "unindexed fk").columns()).containsExactly("sku");
    ConstraintInfo check = one(cons, c -> c.name().equals("order_lines_qty_small"), "check");
    assertThat(check.type()).isEqualTo("c");
    assertThat(check.validated()).isFalse();
    assertThat(check.onDelete()).isNull();
    assertThat(check.definition()).contains("qty < 1000").contains("NOT VALID");
    assertThat(one(cons, c -> c.name().equals("order_lines_pkey"), "pk").columns()).containsExactly("order_id", "line_no");
    assertThat(cons).extracting(ConstraintInfo::type).doesNotContain("n");

    List<ColumnInfo> cols = s.columns().collected().orElseThrow();
    ColumnInfo email = one(cols, c -> c.table().equals("customers") && c.name().equals("email"), "email");
    assertThat(email.comment()).isEqualTo("login e-mail, unique per customer");
    assertThat(email.notNull()).isTrue();
    assertThat(email.dataType()).isEqualTo("text");
    ColumnInfo id = one(cols, c -> c.table().equals("customers") && c.name().equals("id"), "identity");
    assertThat(id.identity()).isEqualTo("a");
    assertThat(id.position()).isEqualTo(1);
    assertThat(one(cols, c -> c.table().equals("customers") && c.name().equals("created_at"), "default")
        .defaultExpression()).isEqualTo("now()");
    assertThat(one(cols, c -> c.table().equals("orders") && c.name().equals("total"), "numeric").dataType())
        .isEqualTo("numeric(12,2)");
    assertThat(one(cols, c -> c.table().equals("orders") && c.name().equals("note"), "plain").identity()).isEmpty();

    List<SequenceInfo> seqs = s.sequences().collected().orElseThrow();
    SequenceInfo tickets = one(seqs, q -> q.name().equals("tickets_id_seq"), "near max");
    assertThat(tickets.dataType()).isEqualTo("integer");
    assertThat(tickets.lastValue()).isGreaterThanOrEqualTo(2147483000L);
    assertThat(tickets.maxValue()).isEqualTo(2147483647L);
    assertThat(tickets.ownedByTable()).isEqualTo("tickets");
    assertThat(tickets.ownedByColumn()).isEqualTo("id");
    assertThat(tickets.ownedByColumnType()).isEqualTo("integer");
    SequenceInfo identity = one(seqs, q -> q.name().equals("customers_id_seq"), "identity seq");
    assertThat(identity.ownedByColumnType()).isEqualTo("bigint");
    assertThat(one(seqs, q -> q.name().equals("orders_id_seq"), "serial").ownedByColumn()).isEqualTo("id");

    BloatEstimate tb = one(s.tableBloat().collected().orElseThrow(), b -> b.table().equals("orders"), "orders bloat");
    assertThat(tb.index()).isNull();
    assertThat(tb.actualBytes()).isPositive().isLessThanOrEqualTo(orders.tableBytes()).isEqualTo(tb.actualBytes() / 8192 * 8192);
    assertThat(tb.expectedBytes()).isPositive().isLessThan(tb.actualBytes());
    assertThat(tb.bloatRatio()).as("half the rows were deleted").isGreaterThan(0.3);
    assertThat(tb.statsMissing()).isFalse();
    BloatEstimate ib = one(s.indexBloat().collected().orElseThrow(), b -> "orders_pkey".equals(b.index()), "pkey bloat");
    assertThat(ib.table()).isEqualTo("orders");
    assertThat(ib.actualBytes()).isPositive();
    assertThat(ib.expectedBytes()).isPositive();
    assertThat(ib.statsMissing()).isFalse();

    Activity act = s.activity().collected().orElseThrow();
    assertThat(act.maxConnections()).isEqualTo(300);
    assertThat(act.reservedConnections()).isGreaterThanOrEqualTo(3);
    assertThat(act.idleInTransaction()).isGreaterThanOrEqualTo(1);
    assertThat(act.byState()).containsKey("idle in transaction");
    assertThat(act.oldestXactAgeSec()).isGreaterThanOrEqualTo(0);
    assertThat(act.clientBackends()).isGreaterThanOrEqualTo(1);
    assertThat(act.sessions()).anySatisfy(x -> assertThat(x.state()).isEqualTo("idle in transaction"));
    assertThat(act.sessions()).noneSatisfy(x -> assertThat(x.application()).isEqualTo("pgops"));
    Activity.PreparedXact px = one(act.preparedXacts(), p -> p.gid().equals("pgops_it"), "prepared");
    assertThat(px.database()).isEqualTo("app");
    assertThat(px.xidAge()).isPositive();

    Replication rep = s.replication().collected().orElseThrow();
    assertThat(rep.inRecovery()).isFalse();
    assertThat(rep.replayDelaySec()).isNull();
    assertThat(rep.standbys()).isEmpty();
    Replication.Slot slot = one(rep.slots(), x -> x.name().equals("stale_slot"), "slot");
    assertThat(slot.active()).isFalse();
    assertThat(slot.type()).isEqualTo("physical");
    assertThat(slot.walStatus()).isEqualTo("reserved");
    assertThat(slot.retainedBytes()).isPositive();
    assertThat(slot.xminAge()).isNull();

    assertThat(s.archiver().collected().orElseThrow().archivedCount()).isZero();

    List<RoleInfo> roles = s.roles().collected().orElseThrow();
    assertThat(roles).extracting(RoleInfo::name).contains("mon", "postgres").noneMatch(n -> n.startsWith("pg_"));
    RoleInfo mon = one(roles, r -> r.name().equals("mon"), "mon");
    assertThat(mon.memberOf()).containsExactly("pg_monitor");
    assertThat(mon.canLogin()).isTrue();
    assertThat(mon.passwordType()).isEqualTo(major >= 14 ? "scram-sha-256" : "md5");
    assertThat(one(roles, r -> r.name().equals("postgres"), "postgres").passwordType()).isEqualTo("none");

    assertThat(s.extensions().collected().orElseThrow())
        .anySatisfy(e -> {
          assertThat(e.name()).isEqualTo("pg_stat_statements");
          assertThat(e.defaultVersion()).isNotBlank();
        });
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void pgMonitorRoleCollectsWithoutFailures(int major) throws Exception {
    EmbeddedPg pg = server(major).pg();
    Snapshot s = collect(monitor(pg, "app"));
    assertThat(s.meta().collectors()).noneSatisfy(r -> assertThat(r.status()).isEqualTo(CollectorRun.Status.FAILED));
    assertThat(s.meta().connectedAs()).isEqualTo("mon");
    assertThat(s.meta().superuser()).isFalse();
    assertThat(s.control().isCollected()).as("pg_control_system() is executable by PUBLIC").isTrue();
    assertThat(s.meta().memberOf()).contains("pg_monitor", "pg_read_all_settings", "pg_read_all_stats");
    assertThat(s.roles().collected().orElseThrow()).allSatisfy(r -> assertThat(r.passwordType()).isEqualTo("unknown"));
    assertThat(s.databases().collected().orElseThrow()).allSatisfy(d -> assertThat(d.sizeBytes()).isPositive());
    assertThat(s.tables().collected().orElseThrow()).extracting(TableStats::name).contains("orders");
    assertThat(s.activity().collected().orElseThrow().preparedXacts()).hasSize(1);
    // pg_stats hides the statistics of columns mon may not SELECT: the estimates say so
    assertThat(s.tableBloat().collected().orElseThrow()).isNotEmpty().allSatisfy(b -> assertThat(b.statsMissing()).isTrue());

    String json = new String(SnapshotJson.toBytes(s), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain(MON_PASSWORD);
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void sessionIsReadOnlyAndBounded(int major) throws SQLException {
    EmbeddedPg pg = server(major).pg();
    try (PgSession s = PgSession.open(superuser(pg, "app"))) {
      assertThat(s.statementsSent()).isEqualTo(1);
      assertThatThrownBy(() -> s.query("CREATE TABLE x (a int)", rs -> 1))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
      assertThatThrownBy(() -> s.query("INSERT INTO shop.products VALUES ('Z-9', 'no') RETURNING sku", rs -> 1))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
      List<String> settings = s.queryOne("SELECT current_setting('default_transaction_read_only'),"
          + " current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('application_name')",
          rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      assertThat(settings).containsExactly("on", "5s", "100ms", "pgops");
      String inside = s.withStatementTimeout(15000, () -> s.queryOne("SHOW statement_timeout", rs -> rs.getString(1)));
      assertThat(inside).isEqualTo("15s");
      String after = s.queryOne("SHOW statement_timeout", rs -> rs.getString(1));
      assertThat(after).isEqualTo("5s");
      assertThatThrownBy(() -> s.withStatementTimeout(50, () -> s.query("SELECT pg_sleep(1)", rs -> 1)))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
      assertThat(s.version().major()).isEqualTo(major);
      assertThat(s.extensionVersion("pg_stat_statements")).isPresent();
      assertThat(s.extensionVersion("postgis")).isEmpty();
    }
    // data unchanged
    try (Connection c = pg.connect("app"); Statement st = c.createStatement();
         var rs = st.executeQuery("SELECT count(*) FROM shop.products WHERE sku = 'Z-9'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void everyStatementInTheServerLogCarriesTheMarker(int major) throws Exception {
    EmbeddedPg pg = server(major).pg();
    Snapshot s = collect(monitor(pg, "app"));
    String fence = "pgops-fence-" + UUID.randomUUID();
    try (PgSession session = PgSession.open(monitor(pg, "app"))) {
      session.queryOne("SELECT '" + fence + "'", rs -> rs.getString(1)); // a literal: bind values are not in the message
    }
    List<List<String>> rows = waitForLog(pg.dataDir().resolve("log"), fence);
    // csvlog: message is column 13, application_name column 22
    List<String> ours = rows.stream()
        .filter(r -> r.size() > 22 && "pgops".equals(r.get(22)))
        .map(r -> r.get(13))
        .filter(m -> m.startsWith("statement: ") || m.startsWith("execute "))
        .toList();
    int expected = s.meta().collectors().stream().mapToInt(CollectorRun::statements).sum();
    assertThat(ours).hasSizeGreaterThan(expected);
    assertThat(ours).allSatisfy(m -> assertThat(m).contains(PgSession.MARKER));
    // nothing without an application name was sent by us: every pgops-user line is labelled
    List<String> unlabelled = rows.stream()
        .filter(r -> r.size() > 22 && "mon".equals(r.get(1)) && !"pgops".equals(r.get(22)))
        .map(r -> r.get(13)).filter(m -> m.startsWith("statement: ") || m.startsWith("execute ")).toList();
    assertThat(unlabelled).isEmpty();
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void statementCountDoesNotGrowWithTheNumberOfObjects(int major) {
    EmbeddedPg pg = server(major).pg();
    Snapshot small = collect(superuser(pg, "small"));
    Snapshot big = collect(superuser(pg, "big"));
    assertThat(small.tables().collected().orElseThrow()).hasSize(10);
    assertThat(big.tables().collected().orElseThrow()).hasSize(2000);
    assertThat(big.indexes().collected().orElseThrow()).hasSize(4000);
    // plans depend on how many statements pg_stat_statements holds for the database, not on its objects:
    // they are bounded by the plan count instead (at most a SET, 3 per plan, a RESET)
    List<String> smallCounts = small.meta().collectors().stream().filter(r -> !r.name().equals("plans"))
        .map(r -> r.name() + "=" + r.statements()).toList();
    List<String> bigCounts = big.meta().collectors().stream().filter(r -> !r.name().equals("plans"))
        .map(r -> r.name() + "=" + r.statements()).toList();
    assertThat(bigCounts).isEqualTo(smallCounts);
    int planBound = 6 + 3 * CollectOptions.defaults().plans().planCount();
    assertThat(List.of(small, big)).allSatisfy(s -> assertThat(s.meta().collectors()).filteredOn(r -> r.name().equals("plans"))
        .singleElement().satisfies(r -> assertThat(r.statements()).isLessThanOrEqualTo(planBound)));
    assertThat(big.meta().collectors()).allSatisfy(r -> assertThat(r.status()).isEqualTo(CollectorRun.Status.OK));
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void passwordsNeverLeak(int major) {
    EmbeddedPg pg = server(major).pg();
    String wrong = "wr0ng-pass-" + UUID.randomUUID();
    ConnectionSpec bad = ConnectionSpec.resolve(pg.uri("mon", wrong, "app"), Map.of(), null);
    assertThatThrownBy(() -> collect(bad))
        .isInstanceOf(CollectException.class)
        .satisfies(e -> assertThat((String) e.getMessage())
            .doesNotContain(wrong).doesNotContain("\n")
            .contains("mon@localhost:" + pg.port() + "/app")
            .contains("password authentication failed"))
        .satisfies(e -> assertThat((Throwable) e.getCause()).isNull());
    ConnectionSpec down = ConnectionSpec.resolve("postgresql://mon:" + wrong + "@localhost:1/app", Map.of(), null);
    assertThatThrownBy(() -> collect(down))
        .isInstanceOf(CollectException.class)
        .satisfies(e -> assertThat((String) e.getMessage()).doesNotContain(wrong).contains("localhost:1/app"));
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void snapshotRoundTripsThroughJson(int major) throws Exception {
    Snapshot s = collect(superuser(server(major).pg(), "app"));
    for (String name : List.of("snap.json", "snap.json.gz")) {
      Path f = tmp.resolve(name);
      SnapshotJson.write(s, f);
      assertThat(SnapshotJson.read(f).snapshot()).isEqualTo(s);
    }
  }

  /** A collector made of one lambda, for the failure-handling test. */
  private record Probe(String name, PgSession.SqlCallable<dev.pgops.snapshot.Section<String>> body)
      implements Collector<String> {
    @Override
    public dev.pgops.snapshot.Section<String> collect(PgSession s) throws SQLException {
      return body.call();
    }
  }

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void aThrowingCollectorBecomesSkippedOrFailedAndTheSessionGoesOn(int major) throws SQLException {
    EmbeddedPg pg = server(major).pg();
    try (PgSession s = PgSession.open(monitor(pg, "app"))) {
      var denied = SnapshotCollector.runOne(s, new Probe("authid", () -> dev.pgops.snapshot.Section.of(
          s.queryOne("SELECT rolpassword FROM pg_authid LIMIT 1", rs -> rs.getString(1)))), 5000);
      assertThat(denied.run().status()).isEqualTo(CollectorRun.Status.SKIPPED);
      assertThat(denied.run().reason()).contains("permission denied").endsWith("(needs pg_monitor)");
      assertThat(denied.run().statements()).isEqualTo(1);
      assertThat(denied.section().unavailableReason()).contains(denied.run().reason());

      var skipped = SnapshotCollector.runOne(s, new Probe("ext", () -> {
        throw new CollectorSkipped("pg_stat_statements not installed");
      }), 5000);
      assertThat(skipped.run().status()).isEqualTo(CollectorRun.Status.SKIPPED);
      assertThat(skipped.run().reason()).isEqualTo("pg_stat_statements not installed");

      var failed = SnapshotCollector.runOne(s, new Probe("tool", () -> {
        throw new CollectorFailed("unsupported format: x: top level: expected an array " + MON_PASSWORD);
      }), 5000);
      assertThat(failed.run().status()).isEqualTo(CollectorRun.Status.FAILED);
      assertThat(failed.run().reason()).isEqualTo("unsupported format: x: top level: expected an array ***");
      assertThat(failed.section().unavailableReason()).contains(failed.run().reason());

      var broken = SnapshotCollector.runOne(s, new Probe("broken", () -> dev.pgops.snapshot.Section.of(
          s.queryOne("SELECT no_such_column FROM pg_class", rs -> rs.getString(1)))), 5000);
      assertThat(broken.run().status()).isEqualTo(CollectorRun.Status.FAILED);
      assertThat(broken.run().reason()).startsWith("SQLState 42703: ").doesNotContain("\n");

      var slow = SnapshotCollector.runOne(s, new Probe("slow", () -> dev.pgops.snapshot.Section.of(
          s.queryOne("SELECT pg_sleep(2)::text", rs -> rs.getString(1)))), 100);
      assertThat(slow.run().status()).isEqualTo(CollectorRun.Status.FAILED);
      assertThat(slow.run().reason()).startsWith("SQLState 57014").endsWith("(statement_timeout 100 ms)");
      assertThat(slow.run().statements()).isEqualTo(3); // SET, query, restoring SET

      var bug = SnapshotCollector.runOne(s, new Probe("bug", () -> {
        throw new IllegalStateException("oops " + MON_PASSWORD);
      }), 5000);
      assertThat(bug.run().status()).isEqualTo(CollectorRun.Status.FAILED);
      assertThat(bug.run().reason()).isEqualTo("IllegalStateException: oops ***");

      String timeout = s.queryOne("SHOW statement_timeout", rs -> rs.getString(1));
      assertThat(timeout).isEqualTo("5s");
    }
  }

  // --- server log ---------------------------------------------------------------------------------

  private static List<List<String>> waitForLog(Path logDir, String fence) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<List<String>> rows = new ArrayList<>();
      if (Files.isDirectory(logDir)) {
        try (Stream<Path> files = Files.list(logDir)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
            rows.addAll(parseCsv(Files.readString(f, StandardCharsets.UTF_8)));
          }
        }
      }
      if (rows.stream().anyMatch(r -> r.size() > 13 && r.get(13).contains(fence))) return rows;
      if (System.nanoTime() > deadline) throw new AssertionError("fence never reached the server log in " + logDir);
      Thread.sleep(100);
    }
  }

  /** RFC 4180 CSV (PostgreSQL csvlog): quoted fields may hold commas, doubled quotes and newlines. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    return rows;
  }
}
