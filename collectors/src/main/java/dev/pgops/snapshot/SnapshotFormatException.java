package dev.pgops.snapshot;

/** A snapshot file that cannot be read: truncated, not JSON, wrong schema version. Message is one line. */
public final class SnapshotFormatException extends Exception {
  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
