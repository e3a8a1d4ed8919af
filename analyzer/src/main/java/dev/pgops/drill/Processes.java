package dev.pgops.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

  static Result run(List<String> command, Duration timeout) throws IOException {
    Path out = Files.createTempFile("pgops-drill-", ".out");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      boolean done;
      try {
        done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        waitQuietly(p);
        return new Result(-1, read(out) + "\nERROR: " + command.get(0) + " did not finish within " + timeout.toSeconds()
            + " s and was stopped\n");
      }
      return new Result(p.exitValue(), read(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static void waitQuietly(Process p) {
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path f) throws IOException {
    return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
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
