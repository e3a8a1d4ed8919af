package dev.pgops.snapshot;

import java.time.Instant;

/** {@code pg_stat_archiver}. Archive settings themselves are in the settings section. */
public record ArchiverStats(
    long archivedCount, String lastArchivedWal, Instant lastArchivedAt,
    long failedCount, String lastFailedWal, Instant lastFailedAt, Instant statsReset) {}
