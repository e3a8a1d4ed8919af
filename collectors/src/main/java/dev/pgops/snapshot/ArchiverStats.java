package dev.pgops.snapshot;

import java.time.Instant;

/**
 * {@code pg_stat_archiver}, plus {@code readyCount}: the WAL segments waiting to be archived ({@code .ready} files
 * in {@code pg_wal/archive_status}, from {@code pg_ls_archive_statusdir()}), or null when the collecting role may
 * not call that function (it needs pg_monitor or superuser). Archive settings themselves are in the settings
 * section.
 */
public record ArchiverStats(
    long archivedCount, String lastArchivedWal, Instant lastArchivedAt,
    long failedCount, String lastFailedWal, Instant lastFailedAt, Instant statsReset, Long readyCount) {

  /** Counters without the {@code .ready} count (not collected). */
  public ArchiverStats(long archivedCount, String lastArchivedWal, Instant lastArchivedAt, long failedCount,
      String lastFailedWal, Instant lastFailedAt, Instant statsReset) {
    this(archivedCount, lastArchivedWal, lastArchivedAt, failedCount, lastFailedWal, lastFailedAt, statsReset, null);
  }
}
