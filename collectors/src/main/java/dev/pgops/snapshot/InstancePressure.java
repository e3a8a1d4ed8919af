package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * Instance-wide pressure counters: checkpoints ({@code pg_stat_bgwriter} before 17,
 * {@code pg_stat_checkpointer} from 17), the background writer, WAL ({@code pg_stat_wal}, PG14+, else
 * null) and I/O by backend type, object and context ({@code pg_stat_io}, PG16+, else empty).
 * Database-level temp files, deadlocks and conflicts are in {@link DatabaseStats}.
 */
public record InstancePressure(Checkpoints checkpoints, BgWriter bgwriter, Wal wal, List<IoStat> io) {

  public InstancePressure {
    io = List.copyOf(io == null ? List.of() : io);
  }

  /** {@code done} (PG18) counts checkpoints that completed; null before. */
  public record Checkpoints(long timed, long requested, Long done, double writeTimeMs, double syncTimeMs,
                            long buffersWritten, Instant statsReset) {}

  /** {@code buffersBackend} / {@code buffersBackendFsync} exist only before PG17 (else null). */
  public record BgWriter(long buffersClean, long maxwrittenClean, long buffersAlloc, Long buffersBackend,
                         Long buffersBackendFsync, Instant statsReset) {}

  /** {@code pg_stat_wal}: records, full-page images, bytes, times the WAL buffers were full. */
  public record Wal(long records, long fpi, long bytes, long buffersFull, Instant statsReset) {}

  /** One row of {@code pg_stat_io}; counters are null where PostgreSQL reports NULL (not applicable). */
  public record IoStat(String backendType, String object, String context, Long reads, Long writes,
                       Long writebacks, Long extendsCount, Long hits, Long evictions, Long reuses, Long fsyncs,
                       Double readTimeMs, Double writeTimeMs) {}
}
