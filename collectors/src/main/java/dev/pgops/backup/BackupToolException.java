package dev.pgops.backup;

import dev.pgops.collect.CollectorFailed;

/**
 * A backup tool's output could not be obtained: the command could not start, exited non-zero, timed out, or the
 * file to read it from is missing. The message is one line naming the command or file; {@link #failure()} says
 * which of these it was and {@link #detail()} holds the bare reason (for callers that word the message themselves).
 */
public final class BackupToolException extends CollectorFailed {
  /** What went wrong. */
  public enum Failure { NOT_STARTED, TIMED_OUT, OTHER }

  private final Failure failure;
  private final String detail;

  public BackupToolException(String reason) {
    this(Failure.OTHER, reason, reason);
  }

  BackupToolException(Failure failure, String message, String detail) {
    super(message);
    this.failure = failure;
    this.detail = detail;
  }

  public Failure failure() {
    return failure;
  }

  public String detail() {
    return detail;
  }
}
