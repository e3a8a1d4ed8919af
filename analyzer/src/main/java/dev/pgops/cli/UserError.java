package dev.pgops.cli;

/** A problem with what the user asked for or gave us; the message is shown as is, on one line. */
final class UserError extends RuntimeException {
  private final ExitCode exitCode;

  UserError(ExitCode exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
