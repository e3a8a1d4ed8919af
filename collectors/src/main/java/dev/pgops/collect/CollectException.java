package dev.pgops.collect;

/**
 * Collection could not start or continue as a whole (connection refused, authentication failed).
 * The message is one line, names host, port, database and user, and never contains the password.
 */
public final class CollectException extends RuntimeException {
  public CollectException(String message, Throwable cause) {
    super(message, cause);
  }
}
