package dev.pgops.snapshot;

/**
 * One {@code pg_stat_statements} entry. Times in milliseconds; {@code totalPlanMs} and {@code plans}
 * are 0 when planning is not tracked. Block read/write times are the shared-block times
 * ({@code blk_read_time} before extension 1.11, {@code shared_blk_read_time} from 1.11); they are 0
 * without {@code track_io_timing}. WAL counters are null before extension 1.8, JIT counters before
 * 1.10. {@code queryId} is text because query ids use the full signed 64-bit range. {@code query} is
 * truncated (and masked when asked).
 */
public record StatementStats(
    String queryId, String user, String database, boolean toplevel,
    long calls, long rows,
    double totalExecMs, double totalPlanMs, double meanExecMs, double minExecMs, double maxExecMs, double stddevExecMs,
    long plans,
    long sharedBlocksHit, long sharedBlocksRead, long sharedBlocksDirtied, long sharedBlocksWritten,
    long localBlocksHit, long localBlocksRead, long tempBlocksRead, long tempBlocksWritten,
    double sharedReadTimeMs, double sharedWriteTimeMs,
    Long walRecords, Long walFpi, Long walBytes,
    Long jitFunctions, Double jitTotalMs,
    String query) {

  public double totalTimeMs() {
    return totalExecMs + totalPlanMs;
  }
}
