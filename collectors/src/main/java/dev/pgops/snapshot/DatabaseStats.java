package dev.pgops.snapshot;

import java.time.Instant;

/**
 * {@code pg_database} + {@code pg_stat_database} for one database. Counters are cumulative since
 * {@code statsReset}. Nullable: {@code checksumFailures} (null when checksums are off), the PG14+
 * session counters (null before 14), timestamps that never happened.
 */
public record DatabaseStats(
    String name, long sizeBytes, boolean allowConnections, int connectionLimit,
    long xidAge, long mxidAge, int backends,
    long xactCommit, long xactRollback, long blocksRead, long blocksHit,
    long tempFiles, long tempBytes, long deadlocks, long conflicts,
    Long checksumFailures, Instant checksumLastFailure,
    Long sessions, Long sessionsAbandoned, Long sessionsFatal, Long sessionsKilled,
    Instant statsReset) {}
