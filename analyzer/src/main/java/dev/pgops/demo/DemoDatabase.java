package dev.pgops.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The demo database behind {@code pgops demo}: an embedded PostgreSQL 17 with the sample "shop"
 * database from {@code samples/demo/*.sql} (packed into the jar under {@code /dev/pgops/demo/}),
 * its planted problems, a short workload, one session left idle in transaction and one forgotten
 * prepared transaction.
 *
 * <p>{@link #close()} closes the connections and stops the server. If anything fails after the
 * server started, {@link #start} stops it before rethrowing: no server is ever left running.
 *
 * <p>Script convention (see the header of {@code 01-schema.sql}): a script is split into chunks at
 * lines that are exactly {@code -- @statement}; each chunk goes through one
 * {@link Statement#execute(String)} with autocommit on; a chunk whose first non-blank line is
 * exactly {@code -- @expect-error} must fail.
 */
public final class DemoDatabase implements AutoCloseable {

    /** The database the demo collects from. */
    public static final String DATABASE = "shop";
    /** The bootstrap superuser of the embedded cluster (trust authentication, no password). */
    public static final String USER = "postgres";
    /** Classpath folder of the scripts. */
    public static final String RESOURCE_DIR = "/dev/pgops/demo/";
    /** The scripts, in execution order, with their progress labels. */
    public static final Map<String, String> SCRIPTS = scripts();

    /** Table the workload scans sequentially (seq-scan-heavy-table). */
    public static final String SEQ_SCAN_TABLE = "shipments";
    /** Number of sequential scans the workload runs on {@link #SEQ_SCAN_TABLE}. */
    public static final int SEQ_SCAN_COUNT = 80;
    /** application_name of the session left idle in transaction. */
    public static final String IDLE_APPLICATION = "checkout-worker";
    /** gid of the forgotten prepared transaction. */
    public static final String PREPARED_GID = "checkout-7f3a9c";

    static final String MARK_STATEMENT = "-- @statement";
    static final String MARK_EXPECT_ERROR = "-- @expect-error";

    private final EmbeddedPostgres postgres;
    private final Map<String, Duration> timings;
    private final int workloadQueries;
    private Connection idleConnection;
    private boolean closed;

    private DemoDatabase(EmbeddedPostgres postgres, Connection idleConnection, Map<String, Duration> timings,
                         int workloadQueries) {
        this.postgres = postgres;
        this.idleConnection = idleConnection;
        this.timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        this.workloadQueries = workloadQueries;
    }

    private static Map<String, String> scripts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("01-schema.sql", "loading schema");
        m.put("02-data.sql", "loading data");
        m.put("03-problems.sql", "planting problems");
        m.put("04-stats.sql", "vacuum and analyze");
        return Collections.unmodifiableMap(m);
    }

    /**
     * Starts PostgreSQL 17 with its data directory under {@code workDir}, loads the sample
     * database and runs the workload. Progress lines go to {@code progress}.
     */
    public static DemoDatabase start(Path workDir, PrintStream progress) throws IOException, SQLException {
        return start(workDir, progress, SCRIPTS);
    }

    /** Package-private for tests: the same with another list of scripts. */
    static DemoDatabase start(Path workDir, PrintStream progress, Map<String, String> scripts)
            throws IOException, SQLException {
        Map<String, Duration> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Files.createDirectories(workDir);
        Path dataDir = workDir.resolve("pgdata");
        progress.println("starting PostgreSQL 17…");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("track_io_timing", "off")
                // zonky turns durability off for speed; the demo server must not report that as a planted problem
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_prepared_transactions", "5")
                .setServerConfig("pg_stat_statements.track", "all")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Connection idle = null;
        try {
            long t = System.nanoTime();
            timings.put("start", elapsed(t0));
            progress.println("PostgreSQL started on port " + pg.getPort() + " (" + fmt(timings.get("start")) + ")");

            try (Connection admin = connect(pg.getPort(), "postgres", null);
                 Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
            int queries;
            try (Connection c = connect(pg.getPort(), DATABASE, "pgops-demo-loader")) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE EXTENSION pg_stat_statements");
                }
                timings.put("createdb", elapsed(t));
                for (Map.Entry<String, String> script : scripts.entrySet()) {
                    progress.println(script.getValue() + " (" + script.getKey() + ")…");
                    t = System.nanoTime();
                    runScript(c, script.getKey(), progress);
                    timings.put(script.getKey(), elapsed(t));
                }
                // The demo's own bulk load would otherwise top pg_stat_statements; start the statement
                // statistics with the shop's workload. (The demo loader does this in its sandbox; pgops'
                // collectors never reset statistics.)
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_stat_statements_reset()");
                }
            }

            progress.println("running workload…");
            t = System.nanoTime();
            queries = new Workload(pg.getPort()).run();
            waitForStats(pg.getPort(), Duration.ofSeconds(15));
            timings.put("workload", elapsed(t));

            progress.println("leaving a session idle in transaction and a prepared transaction…");
            t = System.nanoTime();
            idle = leaveIdleInTransaction(pg.getPort());
            leavePreparedTransaction(pg.getPort());
            timings.put("sessions", elapsed(t));
            timings.put("total", elapsed(t0));
            progress.println("demo database ready: " + jdbcUrl(pg.getPort()) + " (" + queries + " workload queries, "
                    + fmt(timings.get("total")) + ")");
            return new DemoDatabase(pg, idle, timings, queries);
        } catch (SQLException | RuntimeException | Error e) {
            closeQuietly(idle, e);
            try {
                pg.close();
            } catch (IOException | RuntimeException stop) {
                e.addSuppressed(stop);
            }
            throw e;
        }
    }

    /** JDBC URL of the demo database (no credentials: the embedded server trusts local connections). */
    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    public int port() {
        return postgres.getPort();
    }

    public String database() {
        return DATABASE;
    }

    public String user() {
        return USER;
    }

    /** Opens a new connection to the demo database as {@link #user()}. */
    public Connection connect() throws SQLException {
        return connect(port(), DATABASE, "pgops-demo");
    }

    /**
     * Wall-clock timings in insertion order: {@code start}, {@code createdb}, one entry per script,
     * {@code workload}, {@code sessions}, {@code total} (start + load + workload).
     */
    public Map<String, Duration> timings() {
        return timings;
    }

    public Duration totalTime() {
        return timings.get("total");
    }

    /** Number of queries the workload sent. */
    public int workloadQueries() {
        return workloadQueries;
    }

    /** Closes the idle-in-transaction session and stops the server. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (idleConnection != null) {
                try {
                    idleConnection.close();
                } catch (SQLException ignored) {
                    // the server stops anyway
                }
                idleConnection = null;
            }
        } finally {
            postgres.close();
        }
    }

    // ---------------------------------------------------------------- scripts

    /** One chunk of a script. */
    record Chunk(String sql, boolean expectError, int line) { }

    static String readScript(String name) {
        try (InputStream in = DemoDatabase.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("demo script not on the classpath: " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script at lines that are exactly {@code -- @statement}; drops chunks without SQL. */
    static List<Chunk> split(String script) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = script.split("\r?\n", -1);
        StringBuilder sb = new StringBuilder();
        int startLine = 1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(MARK_STATEMENT)) {
                addChunk(chunks, sb.toString(), startLine);
                sb.setLength(0);
                startLine = i + 2;
            } else {
                sb.append(lines[i]).append('\n');
            }
        }
        addChunk(chunks, sb.toString(), startLine);
        return chunks;
    }

    private static void addChunk(List<Chunk> chunks, String sql, int startLine) {
        boolean hasSql = false;
        boolean expectError = false;
        boolean first = true;
        for (String line : sql.split("\n")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (first && s.equals(MARK_EXPECT_ERROR)) {
                expectError = true;
            }
            first = false;
            if (!s.startsWith("--")) {
                hasSql = true;
            }
        }
        if (hasSql) {
            chunks.add(new Chunk(sql, expectError, startLine));
        }
    }

    static void runScript(Connection c, String name, PrintStream progress) throws SQLException {
        for (Chunk chunk : split(readScript(name))) {
            try (Statement st = c.createStatement()) {
                st.execute(chunk.sql());
                if (chunk.expectError()) {
                    throw new IllegalStateException(name + ":" + chunk.line()
                            + ": statement marked " + MARK_EXPECT_ERROR + " succeeded");
                }
            } catch (SQLException e) {
                if (!chunk.expectError()) {
                    throw new SQLException(name + ":" + chunk.line() + ": " + e.getMessage(), e.getSQLState(), e);
                }
                progress.println("  expected error at " + name + ":" + chunk.line() + ": " + firstLine(e.getMessage()));
            }
        }
    }

    // ---------------------------------------------------------------- sessions left behind

    /** A checkout worker that updated a coupon and never committed (state 'idle in transaction'). */
    private static Connection leaveIdleInTransaction(int port) throws SQLException {
        Connection c = connect(port, DATABASE, IDLE_APPLICATION);
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE coupons SET used = used + 1 WHERE code = 'SAVE0042'");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    /** A two-phase commit that was prepared and never committed or rolled back. */
    private static void leavePreparedTransaction(int port) throws SQLException {
        try (Connection c = connect(port, DATABASE, "payment-coordinator");
             Statement st = c.createStatement()) {
            st.execute("BEGIN; "
                    + "UPDATE inventory SET reserved = reserved + 1 WHERE product_id = 4711 AND warehouse_id = 1; "
                    + "PREPARE TRANSACTION '" + PREPARED_GID + "'");
        }
    }

    /** Waits until the workload's table statistics are visible (backends flush them at exit). */
    private static void waitForStats(int port, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect(port, DATABASE, "pgops-demo-loader");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT seq_scan FROM pg_stat_user_tables WHERE relname = ?")) {
            ps.setString(1, SEQ_SCAN_TABLE);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= SEQ_SCAN_COUNT) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return; // the test reports the missing scans; the demo goes on
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- workload

    /** A few hundred queries of an online shop, deterministic (fixed seed). */
    static final class Workload {
        private final int port;
        private final Random random = new Random(20261123L);
        private int queries;

        Workload(int port) {
            this.port = port;
        }

        int run() throws SQLException {
            try (Connection c = connect(port, DATABASE, "shop-web")) {
                customerPages(c, 100);
                orderDetails(c, 60);
                categoryListings(c, 30);
                trackingLookups(c, SEQ_SCAN_COUNT);
                reserveStock(c, 25);
                checkouts(c, 15);
                statusUpdates(c, 15);
                sessions(c, 20);
                reports(c);
            }
            return queries;
        }

        /** Index lookups: customer by id, their latest orders (orders_customer_id_idx). */
        private void customerPages(Connection c, int n) throws SQLException {
            try (PreparedStatement cust = c.prepareStatement(
                         "SELECT id, email, full_name, country_code FROM customers WHERE id = ?");
                 PreparedStatement orders = c.prepareStatement(
                         "SELECT id, status, placed_at, total FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT 10")) {
                for (int i = 0; i < n; i++) {
                    long id = 1 + random.nextInt(60000);
                    cust.setLong(1, id);
                    drain(cust);
                    orders.setLong(1, id);
                    drain(orders);
                }
            }
        }

        /** Joins: an order with its items and products. */
        private void orderDetails(Connection c, int n) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.id, o.status, oi.quantity, oi.unit_price, p.sku, p.name "
                            + "FROM orders o JOIN order_items oi ON oi.order_id = o.id "
                            + "JOIN products p ON p.id = oi.product_id WHERE o.id = ?")) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, 1 + random.nextInt(150000));
                    drain(ps);
                }
            }
        }

        private void categoryListings(Connection c, int n) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.id, p.name, p.price, coalesce(sum(i.on_hand - i.reserved), 0) AS stock "
                            + "FROM products p LEFT JOIN inventory i ON i.product_id = p.id "
                            + "WHERE p.category_id = ? AND p.active GROUP BY p.id ORDER BY p.price LIMIT 24")) {
                for (int i = 0; i < n; i++) {
                    ps.setInt(1, 9 + random.nextInt(32));
                    drain(ps);
                }
            }
        }

        /**
         * The support tool looks shipments up by tracking number, which has no index: every lookup
         * is a sequential scan of shipments (seq-scan-heavy-table). Parallel query is switched off
         * for these so that each lookup counts as exactly one scan.
         */
        private void trackingLookups(Connection c, int n) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET max_parallel_workers_per_gather = 0");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, order_id, carrier, status, shipped_at FROM shipments WHERE tracking_no = ?")) {
                for (int i = 0; i < n; i++) {
                    // md5('trk' || order_id) is how 02-data.sql made tracking numbers; some miss on purpose
                    long orderId = 1 + random.nextInt(150000);
                    ps.setString(1, i % 4 == 3 ? "UNKNOWN" + i : trackingNo(orderId));
                    drain(ps);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("RESET max_parallel_workers_per_gather");
            }
        }

        private void reserveStock(Connection c, int n) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE inventory SET reserved = reserved + 1, updated_at = now() "
                            + "WHERE product_id = ? AND warehouse_id = ?")) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, 1 + random.nextInt(5000));
                    ps.setInt(2, 1 + random.nextInt(3));
                    ps.executeUpdate();
                    queries++;
                }
            }
        }

        /** New orders with items and a payment (payments.id keeps climbing towards 2^31). */
        private void checkouts(Connection c, int n) throws SQLException {
            try (PreparedStatement order = c.prepareStatement(
                         "INSERT INTO orders (customer_id, shipping_address_id, status, total) VALUES (?, ?, 'new', 0) RETURNING id");
                 PreparedStatement item = c.prepareStatement(
                         "INSERT INTO order_items (order_id, product_id, quantity, unit_price) "
                                 + "SELECT ?, id, ?, price FROM products WHERE id = ?");
                 PreparedStatement total = c.prepareStatement(
                         "UPDATE orders SET total = (SELECT sum(quantity * unit_price) FROM order_items WHERE order_id = ?) WHERE id = ?");
                 PreparedStatement pay = c.prepareStatement(
                         "INSERT INTO payments (order_id, method, amount, status, paid_at) "
                                 + "SELECT id, 'card', total, 'captured', now() FROM orders WHERE id = ?")) {
                c.setAutoCommit(false);
                try {
                    for (int i = 0; i < n; i++) {
                        long customer = 1 + random.nextInt(60000);
                        order.setLong(1, customer);
                        order.setLong(2, customer);
                        long orderId;
                        try (ResultSet rs = order.executeQuery()) {
                            rs.next();
                            orderId = rs.getLong(1);
                        }
                        queries++;
                        int items = 1 + random.nextInt(3);
                        for (int k = 0; k < items; k++) {
                            item.setLong(1, orderId);
                            item.setInt(2, 1 + random.nextInt(3));
                            item.setLong(3, 1 + random.nextInt(5000));
                            item.executeUpdate();
                            queries++;
                        }
                        total.setLong(1, orderId);
                        total.setLong(2, orderId);
                        total.executeUpdate();
                        pay.setLong(1, orderId);
                        pay.executeUpdate();
                        queries += 2;
                        c.commit();
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }

        private void statusUpdates(Connection c, int n) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE orders SET status = 'shipped' WHERE id = ? AND status IN ('paid', 'packing')")) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, 148501 + random.nextInt(1500));
                    ps.executeUpdate();
                    queries++;
                }
            }
        }

        private void sessions(Connection c, int n) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (id, customer_id, data, expires_at) "
                            + "VALUES (md5(?)::uuid, ?, '{\"cart\": 0}', now() + interval '1 day') "
                            + "ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at")) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "session" + (1 + random.nextInt(30000)));
                    ps.setLong(2, 1 + random.nextInt(60000));
                    ps.executeUpdate();
                    queries++;
                }
            }
        }

        /** A few back-office reports: big aggregates, one of them on the unindexed order_items.product_id. */
        private void reports(Connection c) throws SQLException {
            String[] sql = {
                "SELECT date_trunc('month', placed_at) AS month, count(*), sum(total) FROM orders "
                        + "WHERE status <> 'cancelled' GROUP BY 1 ORDER BY 1",
                "SELECT p.id, p.name, sum(oi.quantity) AS sold FROM order_items oi JOIN products p ON p.id = oi.product_id "
                        + "GROUP BY p.id, p.name ORDER BY sold DESC LIMIT 20",
                "SELECT count(*) FROM order_items WHERE product_id = 4711",
                "SELECT count(*) FROM order_items WHERE product_id = 42",
                "SELECT country_code, count(*) FROM customers GROUP BY country_code",
                "SELECT r.product_id, avg(r.rating), count(*) FROM reviews r GROUP BY r.product_id HAVING count(*) > 5 "
                        + "ORDER BY 2 DESC LIMIT 10",
                // Constant-free reports: pg_stat_statements keeps their text as is, so `pgops demo` can
                // EXPLAIN ANALYZE them (read-only, rolled back) and the plan rules see real row counts:
                // a customer export whose sort outgrows the default work_mem (spills to disk) ...
                "SELECT c.id, c.email, c.full_name, c.created_at FROM customers c ORDER BY c.full_name, c.email",
                // ... and orders above the average order value (a sub-select the planner estimates blindly).
                "SELECT o.id, o.customer_id, o.total FROM orders o WHERE o.total > (SELECT avg(total) FROM orders) "
                        + "ORDER BY o.total DESC",
            };
            try (Statement st = c.createStatement()) {
                for (String s : sql) {
                    try (ResultSet rs = st.executeQuery(s)) {
                        while (rs.next()) {
                            // drain
                        }
                    }
                    queries++;
                }
            }
        }

        private void drain(PreparedStatement ps) throws SQLException {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // drain
                }
            }
            queries++;
        }

        static String trackingNo(long orderId) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("MD5")
                        .digest(("trk" + orderId).getBytes(StandardCharsets.UTF_8));
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    sb.append(String.format(Locale.ROOT, "%02x", d[i]));
                }
                return sb.toString().toUpperCase(Locale.ROOT);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    static Connection connect(int port, String database, String applicationName) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        if (applicationName != null) {
            p.setProperty("ApplicationName", applicationName);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, p);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String fmt(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void closeQuietly(AutoCloseable c, Throwable primary) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
