package dev.pgops.backup;

import dev.pgops.collect.CollectorFailed;

/**
 * A backup tool's output could not be obtained: the command could not start, exited non-zero, timed out, or the
 * file to read it from is missing. The message is one line naming the command or file.
 */
public final class BackupToolException extends CollectorFailed {
  public BackupToolException(String reason) {
    super(reason);
  }
}
