package dev.pgops.drill;

import dev.pgops.backup.BackupToolException;
import dev.pgops.backup.ToolProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the external programs of a drill (pgBackRest, PostgreSQL binaries): no shell, bounded time, output kept. */
final class Processes {
  private static final boolean ROOT = detectRoot();

  private Processes() {}

  /** Exit code and merged stdout/stderr; {@code exit} is -1 when the program was killed after the timeout. */
  record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }

    /** The first line starting with "ERROR:" (pgBackRest) or "pg_amcheck: error:", else the last non-blank line. */
    String errorLine() {
      String last = "";
      for (String line : output.split("\n")) {
        String t = line.strip();
        int i = t.indexOf("ERROR: ");
        if (i >= 0) return t.substring(i + "ERROR: ".length());
        if (t.contains("error:")) return t;
        if (!t.isEmpty()) last = t;
      }
      return last.isEmpty() ? "no output" : last;
    }
  }

  /**
   * Runs through the collectors' {@link ToolProcess} (argv, no shell, timeout that kills the children); stdout and
   * stderr are joined for the drill log. A program that cannot start is an IOException with the reason; one that
   * runs past {@code timeout} is a result with exit -1 and an ERROR line saying so.
   */
  static Result run(List<String> command, Duration timeout) throws IOException {
    try {
      ToolProcess.Result r = ToolProcess.run(command, timeout);
      return new Result(r.exitCode(), r.stdout() + r.stderr());
    } catch (BackupToolException e) {
      return switch (e.failure()) {
        case NOT_STARTED -> throw new IOException(e.detail(), e);
        case TIMED_OUT -> new Result(-1, "ERROR: " + command.get(0) + " did not finish within " + timeout.toSeconds()
            + " s and was stopped\n");
        case OTHER -> new Result(-1, "ERROR: " + e.getMessage() + "\n");
      };
    }
  }

  /**
   * PostgreSQL refuses to run as root. When pgops runs as root (containers, CI) the server binaries run in a new
   * user namespace ({@code unshare -U}), as the embedded test servers do: there the process is not root, and the
   * files root owns are its own.
   */
  static List<String> asServerUser(List<String> command) {
    if (!ROOT) return command;
    List<String> out = new ArrayList<>(command.size() + 2);
    out.add("unshare");
    out.add("-U");
    out.addAll(command);
    return out;
  }

  static boolean root() {
    return ROOT;
  }

  private static boolean detectRoot() {
    try {
      Path probe = Files.createTempFile("pgops-uid-", ".probe");
      try {
        return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** An executable on PATH, or null. */
  static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
    }
    return null;
  }
}
