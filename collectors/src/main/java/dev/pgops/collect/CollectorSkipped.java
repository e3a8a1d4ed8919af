package dev.pgops.collect;

/**
 * Thrown by a collector that does not apply to this server (missing extension, standby-only view…).
 * {@link SnapshotCollector} records the collector as SKIPPED with this message as the reason.
 */
public final class CollectorSkipped extends RuntimeException {
  public CollectorSkipped(String reason) {
    super(reason);
  }
}
