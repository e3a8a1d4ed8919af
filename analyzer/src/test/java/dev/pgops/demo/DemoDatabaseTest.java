package dev.pgops.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts the demo database once and checks, with plain catalog SQL, that every planted problem is there. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDatabaseTest {

    @TempDir
    static Path workDir;

    static DemoDatabase demo;
    static Connection conn;
    static String progressText;

    @BeforeAll
    static void startDemo() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(buf, System.out), true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        demo = DemoDatabase.start(workDir.resolve("demo"), tee);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        progressText = buf.toString(StandardCharsets.UTF_8);
        conn = demo.connect();
        System.out.println("[demo] start+load+workload: " + DemoDatabase.fmt(wall) + " wall; timings:");
        demo.timings().forEach((k, v) -> System.out.println("[demo]   " + k + " = " + v.toMillis() + " ms"));
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    // ------------------------------------------------------------ basics

    @Test
    @Order(1)
    void serverIsPostgres17WithPgStatStatementsAndTheShopDatabase() throws SQLException {
        assertThat(demo.database()).isEqualTo("shop");
        assertThat(demo.user()).isEqualTo("postgres");
        assertThat(demo.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + demo.port() + "/shop");
        assertThat(longValue("SELECT current_setting('server_version_num')::int")).isBetween(170000L, 179999L);
        assertThat(string("SELECT current_database()")).isEqualTo("shop");
        assertThat(string("SELECT current_setting('shared_preload_libraries')")).contains("pg_stat_statements");
        assertThat(string("SELECT current_setting('track_io_timing')")).isEqualTo("off");
        assertThat(string("SELECT current_setting('max_prepared_transactions')")).isEqualTo("5");
        assertThat(longValue("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")).isEqualTo(1);
        assertThat(longValue("SELECT count(*) FROM pg_stat_statements")).isGreaterThan(20);
        assertThat(progressText).contains("starting PostgreSQL 17…", "loading schema", "running workload…");
        assertThat(demo.workloadQueries()).isBetween(200, 2000);
        assertThat(demo.timings()).containsKeys("start", "01-schema.sql", "02-data.sql", "03-problems.sql",
                "04-stats.sql", "workload", "total");
    }

    @Test
    @Order(2)
    void schemaIsARealisticShopWithAtLeastTwelveTables() throws SQLException {
        assertThat(longValue("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isGreaterThanOrEqualTo(12);
        long biggest = longValue("SELECT max(n_live_tup) FROM pg_stat_user_tables");
        assertThat(biggest).isBetween(200_000L, 500_000L);
        assertThat(longValue("SELECT count(*) FROM orders")).isGreaterThan(100_000);
        assertThat(longValue("SELECT count(*) FROM customers")).isGreaterThan(50_000);
    }

    // ------------------------------------------------------------ indexes and schema

    @Test
    void invalidIndexLeftByFailedConcurrentBuild() throws SQLException {
        assertThat(string("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'customers_email_lower_key'::regclass"))
                .isEqualTo("false");
        assertThat(progressText).contains("expected error at 03-problems.sql");
    }

    @Test
    void duplicateIndexes() throws SQLException {
        assertThat(longValue("""
                SELECT count(*) FROM (
                  SELECT indrelid, indkey::text, indclass::text, coalesce(pg_get_expr(indexprs, indrelid), ''),
                         coalesce(pg_get_expr(indpred, indrelid), '')
                  FROM pg_index WHERE indrelid = 'order_items'::regclass
                  GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) d""")).isEqualTo(1);
        assertThat(string("SELECT pg_get_indexdef('idx_order_items_order'::regclass)"))
                .endsWith("USING btree (order_id)");
        assertThat(string("SELECT pg_get_indexdef('order_items_order_id_idx'::regclass)"))
                .endsWith("USING btree (order_id)");
    }

    @Test
    void redundantIndexIsALeadingPrefix() throws SQLException {
        assertThat(string("""
                SELECT a.indkey::text || '|' || b.indkey::text || '|' || a.indisunique
                FROM pg_index a, pg_index b
                WHERE a.indexrelid = 'orders_status_idx'::regclass
                  AND b.indexrelid = 'orders_status_placed_at_idx'::regclass"""))
                .matches("(\\d+)\\|\\1 \\d+\\|false");
    }

    @Test
    void foreignKeyWithoutIndexOnALargeChild() throws SQLException {
        // order_items.product_id -> products: no valid index has product_id as its first column
        assertThat(longValue("""
                SELECT count(*) FROM pg_constraint c
                WHERE c.conrelid = 'order_items'::regclass AND c.contype = 'f'
                  AND c.confrelid = 'products'::regclass
                  AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indisvalid
                                  AND i.indkey[0] = c.conkey[1])""")).isEqualTo(1);
        assertThat(longValue("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'order_items'"))
                .isGreaterThan(10_000);
    }

    @Test
    void tableWithoutPrimaryKeyOrUniqueKey() throws SQLException {
        assertThat(longValue("SELECT count(*) FROM pg_constraint WHERE conrelid = 'audit_log'::regclass AND contype IN ('p', 'u')"))
                .isZero();
        assertThat(longValue("SELECT count(*) FROM pg_index WHERE indrelid = 'audit_log'::regclass AND indisunique"))
                .isZero();
        assertThat(longValue("SELECT count(*) FROM audit_log")).isGreaterThan(0);
    }

    @Test
    void integerSequenceNearOverflow() throws SQLException {
        assertThat(string("SELECT data_type FROM information_schema.columns WHERE table_name = 'payments' AND column_name = 'id'"))
                .isEqualTo("integer");
        assertThat(string("SELECT seqtypid::regtype::text FROM pg_sequence WHERE seqrelid = 'payments_id_seq'::regclass"))
                .isEqualTo("integer");
        long last = longValue("SELECT last_value FROM pg_sequences WHERE sequencename = 'payments_id_seq'");
        assertThat((double) last / Integer.MAX_VALUE).isGreaterThan(0.85);
        assertThat((double) longValue("SELECT max(id) FROM payments") / Integer.MAX_VALUE).isGreaterThan(0.85);
    }

    @Test
    void notValidConstraints() throws SQLException {
        assertThat(strings("SELECT conname || ':' || contype::text FROM pg_constraint WHERE NOT convalidated ORDER BY 1"))
                .containsExactly("orders_coupon_id_fkey:f", "reviews_rating_check:c");
    }

    @Test
    void disabledTrigger() throws SQLException {
        assertThat(string("SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'orders_audit_trg'")).isEqualTo("D");
        assertThat(string("SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'products_touch_trg'")).isEqualTo("O");
    }

    @Test
    void unloggedTable() throws SQLException {
        assertThat(string("SELECT relpersistence::text FROM pg_class WHERE oid = 'sessions'::regclass")).isEqualTo("u");
        assertThat(longValue("SELECT count(*) FROM sessions")).isGreaterThan(0);
    }

    @Test
    void riskyColumnTypes() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod)
                     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                     WHERE c.relname IN ('products', 'customers', 'shipments') AND a.attnum > 0""")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(types).containsEntry("products.attributes", "json")
                .containsEntry("products.list_price", "money")
                .containsEntry("products.created_at", "timestamp without time zone")
                .containsEntry("shipments.shipped_at", "timestamp without time zone")
                .containsEntry("customers.country_code", "character(2)");
        assertThat(string("SELECT col_description('products'::regclass, "
                + "(SELECT attnum FROM pg_attribute WHERE attrelid = 'products'::regclass AND attname = 'attributes'))"))
                .startsWith("Free-form vendor attributes");
    }

    // ------------------------------------------------------------ maintenance

    @Test
    void autovacuumDisabledTableWithDeadTuples() throws SQLException {
        assertThat(string("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'cart_items'::regclass"))
                .contains("autovacuum_enabled=false");
        double ratio = doubleValue("""
                SELECT n_dead_tup::float8 / nullif(n_live_tup + n_dead_tup, 0)
                FROM pg_stat_user_tables WHERE relname = 'cart_items'""");
        assertThat(ratio).isGreaterThan(0.20);
        assertThat(longValue("SELECT n_live_tup + n_dead_tup FROM pg_stat_user_tables WHERE relname = 'cart_items'"))
                .isGreaterThan(10_000);
        assertThat(longValue("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'cart_items' AND last_analyze IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void neverAnalyzedTable() throws SQLException {
        assertThat(longValue("""
                SELECT count(*) FROM pg_stat_user_tables
                WHERE relname = 'import_staging' AND last_analyze IS NULL AND last_autoanalyze IS NULL""")).isEqualTo(1);
        assertThat(longValue("SELECT count(*) FROM pg_stats WHERE tablename = 'import_staging'")).isZero();
        assertThat(longValue("SELECT count(*) FROM import_staging")).isGreaterThan(0);
        assertThat(string("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'import_staging'::regclass"))
                .contains("autovacuum_enabled=false");
    }

    @Test
    void bloatedTableKeepsItsPages() throws SQLException {
        long bytes = longValue("SELECT pg_relation_size('notifications')");
        long live = longValue("SELECT count(*) FROM notifications");
        double avgRow = doubleValue("""
                SELECT 24 + sum(avg_width) FROM pg_stats WHERE tablename = 'notifications' AND schemaname = 'public'""");
        assertThat(bytes).isGreaterThanOrEqualTo(8L * 1024 * 1024);
        double usedShare = live * avgRow / bytes;
        assertThat(usedShare).as("share of the table holding live rows").isLessThan(0.6);
        assertThat(longValue("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'notifications' "
                + "AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL")).isEqualTo(1);
    }

    // ------------------------------------------------------------ performance

    @Test
    void seqScanHeavyTable() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT seq_scan, coalesce(idx_scan, 0), n_live_tup FROM pg_stat_user_tables WHERE relname = 'shipments'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(60);
            assertThat(rs.getLong(2)).isLessThanOrEqualTo(5);
            assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(50_000);
        }
        assertThat(longValue("SELECT count(*) FROM pg_attribute a JOIN pg_index i ON i.indrelid = a.attrelid "
                + "AND a.attnum = i.indkey[0] WHERE a.attrelid = 'shipments'::regclass AND a.attname = 'tracking_no'"))
                .isZero();
        assertThat(longValue("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '%FROM shipments WHERE tracking_no%'"))
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void unusedSizeableIndex() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT s.idx_scan, pg_relation_size(s.indexrelid), i.indisunique
                     FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
                     WHERE s.indexrelname = 'audit_log_occurred_at_idx'""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
            assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(1024 * 1024);
            assertThat(rs.getBoolean(3)).isFalse();
        }
    }

    // ------------------------------------------------------------ backups, connections, security

    @Test
    void inactiveReplicationSlotReservingWal() throws SQLException {
        assertThat(string("""
                SELECT slot_type || ':' || active || ':' || (restart_lsn IS NOT NULL)
                FROM pg_replication_slots WHERE slot_name = 'analytics_cdc'""")).isEqualTo("physical:false:true");
    }

    @Test
    void configurationDefaultsThatAreFindings() throws SQLException {
        assertThat(string("SELECT current_setting('archive_mode')")).isEqualTo("off");
        assertThat(string("SELECT current_setting('idle_in_transaction_session_timeout')")).isEqualTo("0");
    }

    @Test
    void sessionIdleInTransactionAndForgottenPreparedTransaction() throws SQLException {
        assertThat(longValue("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' "
                + "AND application_name = '" + DemoDatabase.IDLE_APPLICATION + "' AND datname = 'shop'")).isEqualTo(1);
        assertThat(longValue("SELECT count(*) FROM pg_prepared_xacts WHERE gid = '" + DemoDatabase.PREPARED_GID + "'"))
                .isEqualTo(1);
    }

    @Test
    void md5PasswordAndTooManySuperusers() throws SQLException {
        assertThat(string("SELECT left(rolpassword, 3) FROM pg_authid WHERE rolname = 'legacy_reporting'")).isEqualTo("md5");
        assertThat(strings("SELECT rolname FROM pg_roles WHERE rolsuper ORDER BY 1"))
                .containsExactly("dba_oncall", "migration_bot", "ops_admin", "postgres");
    }

    // ------------------------------------------------------------ lifecycle

    @Test
    @Order(Integer.MAX_VALUE - 10)
    void closeStopsTheServer() throws Exception {
        String url = demo.jdbcUrl();
        conn.close();
        conn = null;
        demo.close();
        demo.close(); // idempotent
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        demo = null;
    }

    @Test
    @Order(Integer.MAX_VALUE - 5)
    void failedLoadStopsTheServer(@TempDir Path dir) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("01-schema.sql", "loading schema");
        scripts.put("99-does-not-exist.sql", "loading nothing");
        assertThatThrownBy(() -> DemoDatabase.start(dir, out, scripts)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("99-does-not-exist.sql");
        Matcher m = Pattern.compile("started on port (\\d+)").matcher(buf.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        String url = "jdbc:postgresql://localhost:" + m.group(1) + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void scriptSplitterHonoursMarkers() {
        List<DemoDatabase.Chunk> chunks = DemoDatabase.split("""
                -- header only
                SELECT 1;
                -- @statement
                -- @expect-error
                CREATE UNIQUE INDEX CONCURRENTLY x ON t (a);
                -- @statement
                -- just a comment
                """);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).expectError()).isFalse();
        assertThat(chunks.get(1).expectError()).isTrue();
        assertThat(chunks.get(1).line()).isEqualTo(4);
        assertThat(DemoDatabase.split(DemoDatabase.readScript("02-data.sql"))).hasSize(1);
    }

    // ------------------------------------------------------------ helpers

    private static String string(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from: %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static long longValue(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from: %s", sql).isTrue();
            return rs.getLong(1);
        }
    }

    private static double doubleValue(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from: %s", sql).isTrue();
            return rs.getDouble(1);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Writes to two streams (progress is both captured and shown). */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
