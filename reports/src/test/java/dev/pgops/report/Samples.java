package dev.pgops.report;

import dev.pgops.rules.Checklist;
import dev.pgops.rules.Evaluation;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.Scorecard;
import dev.pgops.rules.Waiver;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.ExtensionInfo;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.SequenceInfo;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sample snapshots for the report tests, built from the snapshot records. */
final class Samples {
  static final Instant COLLECTED = Instant.parse("2026-11-23T10:00:00Z");
  static final Instant GENERATED = Instant.parse("2026-11-23T12:00:00Z");
  static final ToolInfo TOOL = ToolInfo.pgops("0.1.0-test");
  static final long MB = 1024L * 1024, GB = MB * 1024;
  static final String XSS_TABLE = "<script>alert(1)</script>";
  static final String XSS_COMMENT = "</style><img src=x onerror=alert(1)>";

  private Samples() {}

  /** {@code samples/} at the top of the repository (tests run in {@code reports/}). */
  static Path samplesDir() {
    Path here = Path.of("").toAbsolutePath();
    Path dir = here.resolve("samples");
    return dir.toFile().isDirectory() && !here.endsWith("reports") ? dir : here.getParent().resolve("samples");
  }

  static ReportModel model(Snapshot s, String sha, PgopsConfig config) {
    Evaluation ev = BuiltInRules.engine().evaluate(s, config);
    Scorecard sc = Scorecard.of(Checklist.builtIn(), ev);
    return ReportModel.build(s, sha, ev, sc, TOOL, GENERATED);
  }

  static PgopsConfig basicConfig() {
    return new PgopsConfig(Map.of(), List.of(
        new Waiver("unused-index", "public.orders_legacy_status_idx",
            "used by the quarterly export job, which runs on the replica", "dba-team", LocalDate.parse("2027-03-31")),
        new Waiver("table-without-primary-key", "public.tmp_import_2024",
            "dropped after the Q3 import", "data-eng", LocalDate.parse("2026-10-31"))),
        PgopsConfig.DEFAULT_STATS_WINDOW_DAYS);
  }

  // ---------------------------------------------------------------- basic: a mid-size shop database

  static Snapshot basic() {
    List<CollectorRun> runs = List.of(
        new CollectorRun("settings", CollectorRun.Status.OK, "", 12, 1),
        new CollectorRun("databases", CollectorRun.Status.OK, "", 8, 1),
        new CollectorRun("tables", CollectorRun.Status.OK, "", 143, 2),
        new CollectorRun("indexes", CollectorRun.Status.OK, "", 97, 1),
        new CollectorRun("constraints", CollectorRun.Status.OK, "", 31, 1),
        new CollectorRun("columns", CollectorRun.Status.OK, "", 54, 1),
        new CollectorRun("sequences", CollectorRun.Status.OK, "", 9, 1),
        new CollectorRun("bloat", CollectorRun.Status.OK, "", 1412, 2),
        new CollectorRun("activity", CollectorRun.Status.OK, "", 6, 2),
        new CollectorRun("replication", CollectorRun.Status.OK, "", 5, 2),
        new CollectorRun("archiver", CollectorRun.Status.SKIPPED,
            "permission denied for view pg_stat_archiver (grant pg_monitor to the pgops role)", 2, 1),
        new CollectorRun("roles", CollectorRun.Status.OK, "", 4, 1),
        new CollectorRun("extensions", CollectorRun.Status.OK, "", 3, 1));
    Meta meta = new Meta(Meta.SCHEMA_VERSION, "0.1.0", COLLECTED, "16.4", new PgVersion(160004), "shop",
        "pgops_monitor", false, List.of("pg_read_all_stats", "pg_read_all_settings"), false,
        Instant.parse("2026-09-01T03:12:00Z"), COLLECTED.minus(Duration.ofDays(30)),
        Map.of("pg_stat_statements", "1.10", "pg_trgm", "1.6"), new Meta.Timeouts(5000, 100, Map.of("bloat", 30000L)),
        runs);

    List<Setting> settings = List.of(
        setting("autovacuum_freeze_max_age", "200000000", null, false),
        setting("max_connections", "200", null, false),
        setting("shared_buffers", "16384", "8kB", true),
        setting("vacuum_failsafe_age", "1600000000", null, false));

    List<DatabaseStats> dbs = List.of(
        db("shop", 71 * GB, 312_000_000L),
        db("analytics", 220 * GB, 1_650_000_000L),
        db("postgres", 8 * MB, 98_000_000L),
        db("template1", 8 * MB, 98_000_000L));

    List<TableStats> tables = List.of(
        table("public", "orders", 21 * GB, 1200 * MB, 9728 * MB, 48_000_000, 180_000_000L, null),
        table("public", "order_items", 14 * GB, 0, 6 * GB, 160_000_000, 150_000_000L, null),
        table("public", "events", 9 * GB, 3 * GB, 2 * GB, 90_000_000, 312_000_000L, null),
        table("public", "Customer Notes", 2150 * MB, 4 * GB, 1560 * MB, 2_400_000, 120_000_000L,
            "free-text notes from the support tool"),
        table("audit", "log|2026", 5 * GB, 0, 0, 41_000_000, 90_000_000L, "append-only audit trail"),
        table("public", "payments", 2800 * MB, 0, 900 * MB, 12_000_000, 110_000_000L, null),
        table("public", "customers", 1500 * MB, 64 * MB, 700 * MB, 3_100_000, 100_000_000L, null),
        table("public", "sessions", 800 * MB, 0, 160 * MB, 900_000, 40_000_000L, null),
        table("sales", "ümlaut_tëst", 640 * MB, 0, 120 * MB, 1_000_000, 60_000_000L, "Ünïcödé ✓"),
        table("public", "products", 300 * MB, 20 * MB, 90 * MB, 250_000, 70_000_000L, null),
        table("public", "tmp_import_2024", 50 * MB, 0, 0, 400_000, 30_000_000L, null));

    List<IndexStats> indexes = List.of(
        index("public", "orders", "orders_pkey", 2 * GB, 9_000_000, true, "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)"),
        index("public", "orders", "orders_note_idx", 240 * MB, 0, false, "CREATE INDEX orders_note_idx ON public.orders USING btree (note)"),
        index("public", "orders", "orders_legacy_status_idx", 12 * MB, 0, false,
            "CREATE INDEX orders_legacy_status_idx ON public.orders USING btree (status) WHERE (status <> 'done'::text)"),
        index("public", "events", "events_created_at_idx", 1 * GB, 12_000, false, "CREATE INDEX events_created_at_idx ON public.events USING btree (created_at)"),
        index("public", "Customer Notes", "Customer Notes_body_trgm", 1400 * MB, 0, false,
            "CREATE INDEX \"Customer Notes_body_trgm\" ON public.\"Customer Notes\" USING gin (body gin_trgm_ops)"),
        index("public", "payments", "payments_pkey", 300 * MB, 4_000_000, true, "CREATE UNIQUE INDEX payments_pkey ON public.payments USING btree (id)"));

    List<ConstraintInfo> constraints = new ArrayList<>();
    for (String t : List.of("orders", "order_items", "events", "payments", "customers", "sessions", "products")) {
      constraints.add(pk("public", t));
    }
    constraints.add(pk("sales", "ümlaut_tëst"));

    List<ColumnInfo> columns = List.of(
        column("public", "payments", "amount", 3, "money", null),
        column("public", "sessions", "data", 4, "json", "serialized session, written by the web tier"),
        column("public", "orders", "note", 7, "text", null));

    List<BloatEstimate> tableBloat = List.of(
        new BloatEstimate("public", "orders", null, 21 * GB, 18 * GB, false),
        new BloatEstimate("audit", "log|2026", null, 5 * GB, 2200 * MB, false),
        new BloatEstimate("public", "sessions", null, 800 * MB, 300 * MB, false),
        new BloatEstimate("public", "events", null, 9 * GB, 8 * GB, false));

    Activity activity = new Activity(200, 3, 64, 58, Map.of("active", 6, "idle", 49, "idle in transaction", 3),
        3, 0, 0, 12, 2830, 14, 2820, 41_000,
        List.of(
            new Activity.SessionInfo(48213, "app_rw", "checkout-api", "shop", "idle in transaction", "client backend",
                2830, 2830, 2820, 41_000, "Client", "ClientRead", List.of(),
                "UPDATE orders SET status = 'paid' WHERE id = $1"),
            new Activity.SessionInfo(50112, "report", "metabase", "shop", "active", "client backend",
                14, 14, 14, 2_000, null, null, List.of(), "SELECT count(*) FROM events WHERE created_at > $1")),
        List.of());

    return new Snapshot(meta, Section.of(settings), Section.of(dbs), Section.of(tables), Section.of(indexes),
        Section.of(constraints), Section.of(columns), Section.of(List.<SequenceInfo>of()), Section.of(tableBloat),
        Section.of(List.<BloatEstimate>of()), Section.of(activity), Section.of(new Replication(false, null, List.of(), List.of())),
        Section.unavailable("permission denied for view pg_stat_archiver (grant pg_monitor to the pgops role)"),
        Section.of(List.of(
            new RoleInfo("postgres", true, true, true, true, true, true, -1, null, "scram-sha-256", List.of(), List.of()),
            new RoleInfo("app_rw", false, true, false, false, false, false, 100, null, "scram-sha-256", List.of(), List.of()))),
        Section.of(List.of(new ExtensionInfo("pg_stat_statements", "public", "1.10", "1.10"),
            new ExtensionInfo("pg_trgm", "public", "1.6", "1.6"))),
        null, null, null);
  }

  // ---------------------------------------------------------------- perf: statements, plans, pressure (PG17)

  static final String DOMINANT = "-4402130961512374110";
  static final String SPILLING = "8811223344556677";
  static final String POOR_CACHE = "3141592653589793";
  static final String WRITER = "271828182845904";
  static final String UTILITY = "1618033988749";

  /**
   * A PG17 shop whose load is dominated by one statement, with a report query that spills its sort to
   * disk (and is misestimated 960x), a statement that mostly misses the cache, a write-heavy UPDATE, a
   * utility statement that cannot be explained, and checkpoints mostly requested.
   */
  static Snapshot perf() {
    List<CollectorRun> runs = List.of(
        new CollectorRun("settings", CollectorRun.Status.OK, "", 11, 1),
        new CollectorRun("databases", CollectorRun.Status.OK, "", 7, 1),
        new CollectorRun("statements", CollectorRun.Status.OK, "", 84, 3),
        new CollectorRun("plans", CollectorRun.Status.OK, "", 212, 9),
        new CollectorRun("pressure", CollectorRun.Status.OK, "", 9, 4));
    Instant reset = COLLECTED.minus(Duration.ofDays(6));
    Meta meta = new Meta(Meta.SCHEMA_VERSION, "0.1.0", COLLECTED, "17.2", new PgVersion(170002), "shop",
        "pgops_monitor", false, List.of("pg_monitor"), false, Instant.parse("2026-10-01T02:00:00Z"), reset,
        Map.of("pg_stat_statements", "1.11"), new Meta.Timeouts(5000, 100, Map.of()), runs);
    List<Setting> settings = List.of(
        setting("track_io_timing", "on", null, false),
        setting("work_mem", "4096", "kB", false),
        setting("max_wal_size", "1024", "MB", false));
    List<StatementStats> stmts = List.of(
        stmt(DOMINANT, "app_rw", 1_200_000, 12_000_000, 480_000, 6_000, 0.4, 38.2, 98_000_000, 400_000, 0, 0L,
            "SELECT o.id, o.total, c.name FROM public.orders o JOIN public.customers c ON c.id = o.customer_id\n"
                + "WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT $2"),
        stmt(SPILLING, "report", 420, 201_600_000, 210_000, 84, 500, 3_100, 1_200_000, 9_800_000, 5_005_560, 0L,
            "SELECT e.* FROM public.events e WHERE e.kind = $1 ORDER BY e.created_at"),
        stmt(POOR_CACHE, "app_ro", 52_000, 52_000, 95_000, 410, 1.83, 220, 2_100_000, 6_400_000, 0, 0L,
            "SELECT * FROM public.order_items WHERE order_id = ANY($1)"),
        stmt(WRITER, "app_rw", 300_000, 300_000, 60_000, 900, 0.2, 45, 2_400_000, 80_000, 0, 2_254_857_830L,
            "UPDATE public.sessions SET data = $1, touched_at = now() WHERE id = $2"),
        stmt(UTILITY, "postgres", 30, 0, 42_000, 0, 1_400, 9_800, 4_000_000, 3_100_000, 0, 310_000_000L,
            "VACUUM (ANALYZE) public.events"));
    Statements statements = new Statements("1.11", 5000, "top", true, 4870, 1312L, reset, 1_000_000, 20_000,
        2_100_000, 4096, false, stmts);
    List<QueryPlan> plans = List.of(
        new QueryPlan(DOMINANT, stmts.get(0).query(), "generic", QueryPlan.OK, null, json(GENERIC_PLAN)),
        new QueryPlan(SPILLING, stmts.get(1).query(), "analyze", QueryPlan.OK, null, json(ANALYZE_PLAN)),
        new QueryPlan(UTILITY, stmts.get(4).query(), "generic", QueryPlan.NOT_EXPLAINABLE,
            "utility statement: EXPLAIN cannot show a plan for VACUUM", null));
    InstancePressure pressure = new InstancePressure(
        new InstancePressure.Checkpoints(120, 310, null, 3_900_000, 41_000, 8_200_000, reset),
        new InstancePressure.BgWriter(1_250_000, 9_800, 41_000_000, null, null, reset),
        new InstancePressure.Wal(820_000_000, 190_000_000, 612 * GB, 48_200, reset),
        List.of(
            new InstancePressure.IoStat("client backend", "relation", "normal", 6_400_000L, 310_000L, 0L, 120_000L,
                310_000_000L, 5_900_000L, null, 0L, 41_000.0, 3_100.0),
            new InstancePressure.IoStat("client backend", "relation", "bulkread", 9_700_000L, 0L, 0L, null,
                1_200_000L, 40_000L, 9_600_000L, null, 60_000.0, 0.0),
            new InstancePressure.IoStat("client backend", "temp relation", "normal", 0L, 0L, null, 0L, 0L, 0L, null,
                null, 0.0, 0.0),
            new InstancePressure.IoStat("client backend", "relation", "vacuum", null, null, null, null, null, null,
                null, null, null, null),
            new InstancePressure.IoStat("checkpointer", "relation", "normal", null, 8_200_000L, 0L, null, null, null,
                null, 41_000L, null, 3_900_000.0)));
    return new Snapshot(meta, Section.of(settings), Section.of(List.of(db("shop", 310 * GB, 150_000_000L))), null, null,
        null, null, null, null, null, null, null, null, null, null, Section.of(statements), Section.of(plans),
        Section.of(pressure));
  }

  /**
   * What the statement, plan and pressure rules (written in parallel) report for {@link #perf()}: planted
   * here so the report and the triage log can be checked before those rules land.
   */
  /** The perf scenario scored by the real rules (the statement, plan and pressure rules exist now). */
  static ReportModel perfModel(Snapshot s, String sha) {
    return perfModel(s, sha, List.of());
  }

  static ReportModel perfModel(Snapshot s, String sha, List<Finding> planted) {
    Evaluation ev = BuiltInRules.engine().evaluate(s, PgopsConfig.defaults());
    List<Finding> all = new ArrayList<>(ev.findings());
    all.addAll(planted);
    Evaluation withPlanted = new Evaluation(ev.results(), all, ev.waived());
    return ReportModel.build(s, sha, withPlanted, Scorecard.of(Checklist.builtIn(), withPlanted), TOOL, GENERATED);
  }

  static Location.DbObject statement(String queryId) {
    return Location.object("statement", null, queryId);
  }

  static Finding planted(String rule, Severity severity, String item, Location location, String message,
                         Map<String, String> evidence, String remediation) {
    return new Finding(rule, severity, "performance", item, location, message, new java.util.TreeMap<>(evidence),
        remediation, null);
  }

  static StatementStats stmt(String id, String user, long calls, long rows, double execMs, double planMs, double mean,
                             double max, long hit, long read, long tempWritten, Long walBytes, String query) {
    return new StatementStats(id, user, "shop", true, calls, rows, execMs, planMs, mean, mean / 4, max, mean / 2,
        planMs > 0 ? calls : 0, hit, read, read / 20, read / 100, 0, 0, tempWritten, tempWritten, read * 0.004, 0.0,
        walBytes == null ? null : walBytes / 500, walBytes == null ? null : walBytes / 4000, walBytes, 0L, 0.0, query);
  }

  static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** EXPLAIN (GENERIC_PLAN, FORMAT JSON) on PG17: no actual figures. */
  static final String GENERIC_PLAN = """
      [{"Plan": {"Node Type": "Limit", "Parallel Aware": false, "Async Capable": false, "Startup Cost": 1520.30,
        "Total Cost": 1520.33, "Plan Rows": 10, "Plan Width": 48,
        "Plans": [{"Node Type": "Sort", "Parent Relationship": "Outer", "Startup Cost": 1520.30, "Total Cost": 1545.30,
          "Plan Rows": 10000, "Plan Width": 48, "Sort Key": ["o.created_at DESC"],
          "Plans": [{"Node Type": "Hash Join", "Parent Relationship": "Outer", "Join Type": "Inner", "Startup Cost": 35.50,
            "Total Cost": 1304.20, "Plan Rows": 10000, "Plan Width": 48, "Hash Cond": "(o.customer_id = c.id)",
            "Plans": [
              {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Schema": "public",
               "Alias": "o", "Startup Cost": 0.00, "Total Cost": 1180.00, "Plan Rows": 10000, "Plan Width": 24,
               "Filter": "(o.customer_id = $1)"},
              {"Node Type": "Hash", "Parent Relationship": "Inner", "Startup Cost": 22.00, "Total Cost": 22.00,
               "Plan Rows": 1000, "Plan Width": 32,
               "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "customers",
                 "Schema": "public", "Alias": "c", "Startup Cost": 0.00, "Total Cost": 22.00, "Plan Rows": 1000,
                 "Plan Width": 32}]}]}]}]}}]""";

  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) on PG17: a 960x misestimate feeding a sort that spills. */
  static final String ANALYZE_PLAN = """
      [{"Plan": {"Node Type": "Sort", "Parallel Aware": false, "Async Capable": false, "Startup Cost": 98000.00,
        "Total Cost": 98001.25, "Plan Rows": 500, "Plan Width": 40, "Actual Startup Time": 2450.100,
        "Actual Total Time": 2890.400, "Actual Rows": 480000, "Actual Loops": 1, "Sort Key": ["e.created_at"],
        "Sort Method": "external merge", "Sort Space Used": 95344, "Sort Space Type": "Disk",
        "Shared Hit Blocks": 1200, "Shared Read Blocks": 40000, "Temp Read Blocks": 11918, "Temp Written Blocks": 11918,
        "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "events", "Schema": "public",
          "Alias": "e", "Startup Cost": 0.00, "Total Cost": 91000.00, "Plan Rows": 500, "Plan Width": 40,
          "Actual Startup Time": 0.030, "Actual Total Time": 610.200, "Actual Rows": 480000, "Actual Loops": 1,
          "Filter": "(e.kind = 'click'::text)", "Rows Removed by Filter": 3520000,
          "Shared Hit Blocks": 1200, "Shared Read Blocks": 40000}]},
        "Planning": {"Shared Hit Blocks": 12}, "Planning Time": 0.412, "Triggers": [], "Execution Time": 2951.700}]""";

  // ---------------------------------------------------------------- backups: backup tools and restore drills

  static final String SYSTEM_ID = "7507672962298572862";
  /** A Barman server name with markup, quotes and a pipe: it reaches every output escaped. */
  static final String HOSTILE_SERVER = "pg-\"edge\"|<dr>";
  static final String HOSTILE_CHECK = "last WAL age: 2 hours <script>alert(8)</script> | `x`";

  /** The policy the backups scenario is judged by (pgops.yaml backup: rpo 5m, retention.age 14d, drill.rto 45m). */
  static PgopsConfig backupsConfig() {
    return PgopsConfig.defaults().withBackup(new PgopsConfig.BackupPolicy(Duration.ofMinutes(5), Duration.ofDays(7),
        Duration.ofDays(1), 2, Duration.ofDays(14), Duration.ofDays(90), Duration.ofMinutes(45)));
  }

  static ReportModel backupsModel(Snapshot s, String sha) {
    PgopsConfig config = backupsConfig();
    Evaluation ev = BuiltInRules.engine().evaluate(s, config);
    return ReportModel.build(s, sha, ev, Scorecard.of(Checklist.builtIn(), ev), TOOL, GENERATED, config);
  }

  /**
   * A PG17 primary archiving to pgBackRest (stanza "main": weekly fulls, a differential, nightly incrementals, the
   * last full slow and 8 days old, the last incremental with a page checksum error) and backed up by Barman too
   * (a hostile server name, daily fulls, one failed and re-run, one running at collection, a failed WAL-age check).
   * Drills: main passed two weeks ago within its RTO, failed in August; the Barman server was never restore-tested.
   */
  static Snapshot backups() {
    List<CollectorRun> runs = List.of(
        new CollectorRun("settings", CollectorRun.Status.OK, "", 10, 1),
        new CollectorRun("replication", CollectorRun.Status.OK, "", 4, 2),
        new CollectorRun("archiver", CollectorRun.Status.OK, "", 3, 3),
        new CollectorRun("control", CollectorRun.Status.OK, "", 1, 1),
        new CollectorRun("backup-tools", CollectorRun.Status.OK, "", 2310, 0),
        new CollectorRun("drills", CollectorRun.Status.OK, "", 4, 0));
    Meta meta = new Meta(Meta.SCHEMA_VERSION, "0.1.0", COLLECTED, "17.2", new PgVersion(170002), "shop",
        "pgops_monitor", false, List.of("pg_monitor"), false, Instant.parse("2026-10-01T02:00:00Z"),
        COLLECTED.minus(Duration.ofDays(30)), Map.of(), new Meta.Timeouts(5000, 100, Map.of()), runs);
    List<Setting> settings = List.of(
        textSetting("archive_mode", "on", null),
        textSetting("archive_command", "pgbackrest --stanza=main archive-push %p", null),
        textSetting("archive_library", "", null),
        setting("archive_timeout", "60", "s", false),
        setting("wal_segment_size", "16777216", "B", false));
    ArchiverStats archiver = new ArchiverStats(48_210, "0000000100000A2F000000C4", COLLECTED.minus(Duration.ofMinutes(3)),
        2, "0000000100000A1F00000007", Instant.parse("2026-11-12T04:10:00Z"), COLLECTED.minus(Duration.ofDays(30)), 3L);

    List<Backup> main = new ArrayList<>();
    main.add(pgbr("20261025-010001F", "full", null, "2026-10-25T01:00:01Z", Duration.ofMinutes(60), 99 * GB, 99 * GB,
        null, null));
    main.add(pgbr("20261101-010002F", "full", null, "2026-11-01T01:00:02Z", Duration.ofMinutes(58), 100 * GB, 100 * GB,
        "0000000100000A1200000010", "0000000100000A1200000012"));
    main.add(pgbr("20261108-010001F", "full", null, "2026-11-08T01:00:01Z", Duration.ofMinutes(62), 102 * GB, 102 * GB,
        "0000000100000A1800000020", "0000000100000A1800000023"));
    for (int d = 9; d <= 14; d++) {
      String day = String.format(java.util.Locale.ROOT, "202611%02d", d);
      main.add(pgbr("20261108-010001F_" + day + "-010003I", "incremental", "20261108-010001F",
          String.format(java.util.Locale.ROOT, "2026-11-%02dT01:00:03Z", d), Duration.ofMinutes(9), 102 * GB, 2 * GB,
          null, null));
    }
    main.add(pgbr("20261115-010002F", "full", null, "2026-11-15T01:00:02Z", Duration.ofMinutes(160), 104 * GB, 104 * GB,
        "0000000100000A2200000001", "0000000100000A2200000009"));
    for (int d = 16; d <= 23; d++) {
      String day = String.format(java.util.Locale.ROOT, "202611%02d", d);
      boolean diff = d == 19;
      main.add(pgbr("20261115-010002F_" + day + "-010004" + (diff ? "D" : "I"), diff ? "differential" : "incremental",
          "20261115-010002F", String.format(java.util.Locale.ROOT, "2026-11-%02dT01:00:04Z", d),
          Duration.ofMinutes(diff ? 21 : 8), 104 * GB, diff ? 9 * GB : 2 * GB, null, null));
    }
    // the newest incremental read two damaged pages
    Backup last = main.remove(main.size() - 1);
    main.add(new Backup(last.id(), last.kind(), last.status(), last.startedAt(), last.stoppedAt(), null, null, null, null,
        last.databaseBytes(), last.backupBytes(), last.repoBytes(), SYSTEM_ID, 17, last.parent(),
        List.of("base/16384/16402 (page 7)", "base/16384/16410 (page 2)")));
    BackupCatalog stanza = new BackupCatalog("pgbackrest", "main",
        "command pgbackrest --stanza=main info --output=json", "ok", "", SYSTEM_ID, 17, main,
        new BackupCatalog.WalArchive("0000000100000A1200000010", "0000000100000A2F000000C2", "unknown", List.of()),
        List.of(new BackupCatalog.ToolCheck("repo1", true, "ok")), null);

    List<Backup> barman = new ArrayList<>();
    for (int d = 18; d <= 21; d++) {
      barman.add(new Backup(String.format(java.util.Locale.ROOT, "202611%02dT030000", d), "full", "ok",
          Instant.parse(String.format(java.util.Locale.ROOT, "2026-11-%02dT03:00:00Z", d)),
          Instant.parse(String.format(java.util.Locale.ROOT, "2026-11-%02dT04:05:00Z", d)), "A16/1000028", "A16/3000100",
          "0000000100000A1600000001", "0000000100000A1600000003", 104 * GB, 104 * GB, 31 * GB, SYSTEM_ID, 17, null,
          List.of()));
    }
    barman.add(new Backup("20261122T030000", "full", "failed", Instant.parse("2026-11-22T03:00:00Z"),
        Instant.parse("2026-11-22T03:12:00Z"), null, null, null, null, null, null, null, SYSTEM_ID, 17, null, List.of()));
    barman.add(new Backup("20261122T080000", "full", "ok", Instant.parse("2026-11-22T08:00:00Z"),
        Instant.parse("2026-11-22T09:04:00Z"), null, null, "0000000100000A2C00000001", "0000000100000A2C00000004",
        105 * GB, 105 * GB, 31 * GB, SYSTEM_ID, 17, null, List.of()));
    barman.add(new Backup("20261123T030000", "full", "running", Instant.parse("2026-11-23T03:00:00Z"), null, null, null,
        null, null, null, null, null, SYSTEM_ID, 17, null, List.of()));
    BackupCatalog server = new BackupCatalog("barman", HOSTILE_SERVER, "file /var/lib/pgops/barman-show.json", "ok", "",
        SYSTEM_ID, 17, barman,
        new BackupCatalog.WalArchive("0000000100000A1600000001", "0000000100000A2F000000C3", "ok", List.of()),
        List.of(new BackupCatalog.ToolCheck("backup_maximum_age", true, "interval provided: 1 day, latest backup age: 1 day"),
            new BackupCatalog.ToolCheck("wal_maximum_age", false, HOSTILE_CHECK)), null);

    List<DrillRecord> drills = List.of(
        new DrillRecord("2026-08-03-main", "pgbackrest", "main", SYSTEM_ID, "20260802-010002F",
            Instant.parse("2026-08-02T02:01:00Z"), "latest", "17.0", Instant.parse("2026-08-03T10:00:00Z"),
            Instant.parse("2026-08-03T10:24:00Z"), null, null, null, null, 3600L, 300L,
            List.of(new DrillRecord.Step("server up", "failed", "recovery stopped: requested WAL segment 0000000100000909000000A1 has already been removed")),
            "fail", "recovery stopped: requested WAL segment 0000000100000909000000A1 has already been removed",
            "jdoe", "CHG-1101"),
        new DrillRecord("2026-11-09-main", "pgbackrest", "main", SYSTEM_ID, "20261108-010001F",
            Instant.parse("2026-11-08T02:02:01Z"), "time 2026-11-09T09:00:00Z", "17.2",
            Instant.parse("2026-11-09T10:00:00Z"), Instant.parse("2026-11-09T10:19:40Z"),
            Instant.parse("2026-11-09T10:29:05Z"), Instant.parse("2026-11-09T10:31:10Z"), 1870L, 40L, 3600L, 300L,
            List.of(new DrillRecord.Step("pgbackrest verify --set", "ok", ""),
                new DrillRecord.Step("row counts", "ok", "12/12 tables within tolerance"),
                new DrillRecord.Step("pg_amcheck --heapallindexed", "ok", "412 relations")),
            "pass", null, "jdoe", "CHG-1234"));

    Snapshot base = new Snapshot(meta, Section.of(settings), null, null, null, null, null, null, null, null, null,
        Section.of(new Replication(false, null, List.of(), List.of())), Section.of(archiver), null, null, null, null, null);
    return base.withBackups(Section.of(new ControlData(SYSTEM_ID, 1300, 202307071L)),
        Section.of(List.of(stanza, server)), Section.of(drills));
  }

  private static Backup pgbr(String label, String kind, String parent, String start, Duration took, long db, long copied,
                             String startWal, String stopWal) {
    Instant s = Instant.parse(start);
    return new Backup(label, kind, "ok", s, s.plus(took), null, null, startWal, stopWal, db, copied, copied / 3,
        SYSTEM_ID, 17, parent, List.of());
  }

  static Setting textSetting(String name, String value, String unit) {
    return new Setting(name, value, unit, "string", "sighup", "configuration file", value, value, null, null, false);
  }

  // ---------------------------------------------------------------- xss: hostile names and comments

  /** Database-supplied text that would run script or break out of markup if it were not escaped. */
  static Snapshot xss() {
    List<CollectorRun> runs = List.of(
        new CollectorRun("tables", CollectorRun.Status.OK, "", 10, 1),
        new CollectorRun("indexes", CollectorRun.Status.OK, "", 10, 1),
        new CollectorRun("roles", CollectorRun.Status.SKIPPED, "<img src=x onerror=alert(3)> | not | a column", 1, 1));
    Meta meta = new Meta(Meta.SCHEMA_VERSION, "0.1.0", COLLECTED, "17.2", new PgVersion(170002), "<b>db</b>",
        "<i>me</i>", false, List.of("pg_monitor"), false, Instant.parse("2026-09-01T00:00:00Z"),
        COLLECTED.minus(Duration.ofDays(30)), Map.of(), new Meta.Timeouts(5000, 100, Map.of()), runs);
    List<TableStats> tables = List.of(
        table("public", XSS_TABLE, 3 * GB, 10 * MB, 200 * MB, 1000, 10_000_000L, "a|b\n| c | d |"),
        table("public", "plain", 1 * GB, 0, 10 * MB, 1000, 250_000_000L, null));
    List<IndexStats> indexes = List.of(
        index("public", XSS_TABLE, XSS_TABLE, 200 * MB, 0, false,
            "CREATE INDEX \"" + XSS_TABLE + "\" ON public.\"" + XSS_TABLE + "\" USING btree (\"" + XSS_COMMENT + "\")"),
        index("public", "plain", "weird```idx", 150 * MB, 0, false, "CREATE INDEX \"weird```idx\" ON public.plain (x)"));
    List<ColumnInfo> columns = List.of(
        column("public", XSS_TABLE, "payload", 1, "json", XSS_COMMENT),
        column("public", "plain", "pipe", 2, "money", "left | right"));
    List<DatabaseStats> dbs = List.of(db("<b>db</b>", 4 * GB, 250_000_000L), db("\"><svg onload=alert(4)>", GB, 5_000_000L));
    List<BloatEstimate> bloat = List.of(new BloatEstimate("public", XSS_TABLE, null, 3 * GB, GB, false));
    return new Snapshot(meta, Section.of(List.of(setting("autovacuum_freeze_max_age", "200000000", null, false))),
        Section.of(dbs), Section.of(tables), Section.of(indexes), Section.of(List.<ConstraintInfo>of()),
        Section.of(columns), Section.of(List.<SequenceInfo>of()), Section.of(bloat), Section.of(List.<BloatEstimate>of()),
        Section.unavailable("<script>alert(5)</script>"), null, null, Section.unavailable("permission denied"), null,
        Section.of(new Statements("1.11", 5000, "top", false, 2, 0L, COLLECTED.minus(Duration.ofDays(30)), 1000, 0, 10,
            4096, false, List.of(
                stmt(XSS_QUERY_ID, "<i>u</i>", 10, 10, 900, 0, 90, 120, 10, 90, 5000, 0L, XSS_QUERY),
                stmt("42", "app", 5, 5, 100, 0, 20, 30, 100, 0, 0, null, "SELECT `x` | y FROM t")))),
        Section.of(List.of(
            new QueryPlan(XSS_QUERY_ID, XSS_QUERY, "analyze", QueryPlan.OK, null, json(XSS_PLAN)),
            new QueryPlan("42", "SELECT `x` | y FROM t", "generic", QueryPlan.NOT_EXPLAINABLE,
                "syntax error at or near \"</details><script>alert(2)</script>\" | `", null),
            // an "ok" plan the EXPLAIN parser rejects: its note names the hostile top-level key
            new QueryPlan("43", "SELECT 43", "generic", QueryPlan.OK, null,
                json("{\"</details><script>alert(7)</script>\": 1}")))),
        Section.unavailable("permission denied for function pg_stat_get_io </details><script>alert(6)</script>"));
  }

  static final String XSS_QUERY_ID = "-7";
  /** Query text that would close the collapsible block and run script, break a table row, or end a fence. */
  static final String XSS_QUERY = "SELECT '</details><script>alert(1)</script>' AS a, '```' AS b, '````' AS c, 'x|y' AS d\n"
      + "FROM \"" + XSS_TABLE + "\" WHERE note <> '</code></pre>' AND pad = 'padding padding padding padding padding'";
  static final String XSS_PLAN = """
      [{"Plan": {"Node Type": "Sort", "Startup Cost": 10, "Total Cost": 20, "Plan Rows": 1, "Actual Startup Time": 1,
        "Actual Total Time": 90, "Actual Rows": 1000, "Actual Loops": 1, "Sort Method": "external merge",
        "Sort Space Used": 100, "Sort Space Type": "Disk", "Sort Key": ["x"],
        "Plans": [{"Node Type": "Seq Scan", "Relation Name": "</details><script>alert(1)</script>", "Schema": "public",
          "Startup Cost": 0, "Total Cost": 10, "Plan Rows": 1, "Actual Startup Time": 0.1, "Actual Total Time": 5,
          "Actual Rows": 1000, "Actual Loops": 1, "Filter": "(note = '| ``` |'::text)"}]},
        "Planning Time": 0.1, "Execution Time": 91}]""";

  /** A statement finding whose message and remediation carry hostile text (for the triage log). */
  static Finding xssStatementFinding() {
    return planted("plan-sort-spill", Severity.HIGH, "PRF-10", statement(XSS_QUERY_ID),
        "Sort on \"</details><script>alert(1)</script>\" | spills", Map.of("node", "Sort > Seq Scan on " + XSS_TABLE),
        "ANALYZE public.\"weird```idx\";");
  }

  // ---------------------------------------------------------------- record helpers

  static Setting setting(String name, String value, String unit, boolean pendingRestart) {
    return new Setting(name, value, unit, "integer", "postmaster", "configuration file", value, value, null, null,
        pendingRestart);
  }

  static DatabaseStats db(String name, long size, long xidAge) {
    return new DatabaseStats(name, size, true, -1, xidAge, xidAge / 4, 10, 1_000_000, 1_000, 50_000, 5_000_000,
        0, 0, 0, 0, null, null, 1000L, 0L, 0L, 0L, COLLECTED.minus(Duration.ofDays(30)));
  }

  static TableStats table(String schema, String name, long heap, long toast, long indexes, long rows, long xidAge,
                          String comment) {
    return new TableStats(schema, name, "r", "p", false, heap, toast, indexes, heap + toast + indexes,
        rows, rows, rows / 50, rows / 100, rows, rows / 10, rows / 100, rows / 20, 120, 120 * rows, 90_000,
        1_000_000, 50_000_000, xidAge, xidAge / 3, null, COLLECTED.minus(Duration.ofHours(30)), null,
        COLLECTED.minus(Duration.ofHours(6)), null, 0, 40, 0, 120, List.of(), 0, comment);
  }

  static IndexStats index(String schema, String table, String name, long size, long scans, boolean primary,
                          String definition) {
    return new IndexStats(schema, table, name, "btree", size, scans, scans * 3, scans * 2, 100, 10_000,
        true, true, primary, primary, false, primary ? "p" : null, List.of("id"), List.of(), List.of("int8_ops"),
        List.of(), null, definition, null);
  }

  static ConstraintInfo pk(String schema, String table) {
    return new ConstraintInfo(schema, table, table + "_pkey", "p", true, false, List.of("id"), null, null, null,
        null, null, "PRIMARY KEY (id)");
  }

  static ColumnInfo column(String schema, String table, String name, int position, String type, String comment) {
    return new ColumnInfo(schema, table, name, position, type, false, null, "", "", comment);
  }
}
