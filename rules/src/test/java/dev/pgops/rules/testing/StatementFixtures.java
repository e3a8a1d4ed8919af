package dev.pgops.rules.testing;

import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records for the statement and instance-pressure rule tests, builders with public fields as in
 * {@link Fixtures}: {@code statements(st -> st.add(statement("1", q -> { q.calls = 500; q.meanExecMs = 200; })))}.
 */
public final class StatementFixtures {
  private StatementFixtures() {}

  public static final class StatementBuilder {
    public String queryId, user = "app", database = "app", query = "SELECT * FROM orders WHERE customer_id = $1";
    public boolean toplevel = true;
    public long calls = 1000, rows = 1000, plans, sharedBlocksHit = 100_000, sharedBlocksRead = 100, sharedBlocksDirtied,
        sharedBlocksWritten, localBlocksHit, localBlocksRead, tempBlocksRead, tempBlocksWritten;
    public double totalExecMs = -1, totalPlanMs, meanExecMs = 1, minExecMs = 0.5, maxExecMs = 5, stddevExecMs = 0.5,
        sharedReadTimeMs, sharedWriteTimeMs;
    public Long walRecords = 10L, walFpi = 0L, walBytes = 1000L, jitFunctions = 0L;
    public Double jitTotalMs = 0.0;
  }

  /** A statement; total execution time defaults to calls × mean. */
  public static StatementStats statement(String queryId, Consumer<StatementBuilder> c) {
    StatementBuilder b = new StatementBuilder();
    b.queryId = queryId;
    c.accept(b);
    double total = b.totalExecMs >= 0 ? b.totalExecMs : b.calls * b.meanExecMs;
    return new StatementStats(b.queryId, b.user, b.database, b.toplevel, b.calls, b.rows, total, b.totalPlanMs,
        b.meanExecMs, b.minExecMs, b.maxExecMs, b.stddevExecMs, b.plans, b.sharedBlocksHit, b.sharedBlocksRead,
        b.sharedBlocksDirtied, b.sharedBlocksWritten, b.localBlocksHit, b.localBlocksRead, b.tempBlocksRead,
        b.tempBlocksWritten, b.sharedReadTimeMs, b.sharedWriteTimeMs, b.walRecords, b.walFpi, b.walBytes,
        b.jitFunctions, b.jitTotalMs, b.query);
  }

  public static final class StatementsBuilder {
    public String extensionVersion = "1.11", track = "top";
    public long max = 5000, entries = 200, totalCalls = -1;
    public boolean trackPlanning;
    public Long deallocations = 0L;
    public Instant statsReset = Snap.NOW.minus(Duration.ofDays(30));
    /** Totals over all entries; by default the sums of the selected statements. */
    public double totalExecMs = -1, totalPlanMs = -1;
    public int queryTextLimit = 2000;
    public boolean masked;
    public final List<StatementStats> statements = new ArrayList<>();

    public StatementsBuilder add(StatementStats s) {
      statements.add(s);
      return this;
    }
  }

  public static Statements statements(Consumer<StatementsBuilder> c) {
    StatementsBuilder b = new StatementsBuilder();
    c.accept(b);
    double exec = b.totalExecMs >= 0 ? b.totalExecMs : b.statements.stream().mapToDouble(StatementStats::totalExecMs).sum();
    double plan = b.totalPlanMs >= 0 ? b.totalPlanMs : b.statements.stream().mapToDouble(StatementStats::totalPlanMs).sum();
    long calls = b.totalCalls >= 0 ? b.totalCalls : b.statements.stream().mapToLong(StatementStats::calls).sum();
    return new Statements(b.extensionVersion, b.max, b.track, b.trackPlanning, b.entries, b.deallocations, b.statsReset,
        exec, plan, calls, b.queryTextLimit, b.masked, b.statements);
  }

  public static final class PressureBuilder {
    public long timed = 100, requested = 2, buffersCheckpoint = 100_000, buffersClean = 50_000, maxwrittenClean,
        buffersAlloc = 1_000_000;
    public Long done, buffersBackend = 10_000L, buffersBackendFsync = 0L;
    public double writeTimeMs = 100_000, syncTimeMs = 1_000;
    public Instant checkpointsReset = Snap.NOW.minus(Duration.ofDays(30)), bgwriterReset = Snap.NOW.minus(Duration.ofDays(30));
    /** Null = no pg_stat_wal (before PG14). */
    public InstancePressure.Wal wal = new InstancePressure.Wal(1_000_000, 10_000, 8192L * 100_000, 0, Snap.NOW.minus(Duration.ofDays(30)));
    public final List<InstancePressure.IoStat> io = new ArrayList<>();
  }

  public static InstancePressure pressure(Consumer<PressureBuilder> c) {
    PressureBuilder b = new PressureBuilder();
    c.accept(b);
    return new InstancePressure(
        new InstancePressure.Checkpoints(b.timed, b.requested, b.done, b.writeTimeMs, b.syncTimeMs, b.buffersCheckpoint,
            b.checkpointsReset),
        new InstancePressure.BgWriter(b.buffersClean, b.maxwrittenClean, b.buffersAlloc, b.buffersBackend,
            b.buffersBackendFsync, b.bgwriterReset),
        b.wal, b.io);
  }

  public static InstancePressure.Wal wal(long records, long bytes, long buffersFull) {
    return new InstancePressure.Wal(records, records / 100, bytes, buffersFull, Snap.NOW.minus(Duration.ofDays(30)));
  }

  /** A pg_stat_io row with only writes set (relation object). */
  public static InstancePressure.IoStat io(String backendType, String context, long writes) {
    return new InstancePressure.IoStat(backendType, "relation", context, 0L, writes, 0L, 0L, 0L, 0L, 0L, 0L, null, null);
  }
}
