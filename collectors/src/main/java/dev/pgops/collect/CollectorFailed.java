package dev.pgops.collect;

/**
 * Thrown by a collector whose source answered with something it cannot use (an external tool that exited
 * non-zero, timed out, or printed JSON of an unknown shape). {@link SnapshotCollector} records the collector as
 * FAILED with this message, as is, as the reason: the message is one line and names what failed.
 */
public class CollectorFailed extends RuntimeException {
  public CollectorFailed(String reason) {
    super(reason, null, false, false);
  }
}
