package dev.pgops.backup;

import dev.pgops.collect.CollectorFailed;

/**
 * A backup tool's JSON does not have the shape pgops reads: a required key is missing, a value has the wrong type,
 * the top level is an object where an array is expected, or a version marker is unknown. The message is one line,
 * {@code unsupported format: <tool command> (<source>): <path>: <problem>}.
 */
public final class UnsupportedFormatException extends CollectorFailed {
  public static final String PREFIX = "unsupported format: ";

  public UnsupportedFormatException(String what) {
    super(PREFIX + what);
  }
}
