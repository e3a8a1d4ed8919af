package dev.pgops.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (a backup tool) from an argument vector, never through a shell: no standard input,
 * stdout and stderr captured (each up to a cap), a hard timeout after which the process and its children are
 * killed. Used by {@link BackupToolCollector}, and by tests and drills that drive pgBackRest.
 */
public final class ToolProcess {
  public static final long DEFAULT_MAX_OUTPUT = 64L * 1024 * 1024;

  private ToolProcess() {}

  /**
   * What the program did.
   *
   * @param exitCode  its exit status
   * @param stdout    standard output (UTF-8), up to the cap
   * @param stderr    standard error (UTF-8), up to the cap
   * @param truncated whether stdout went past the cap
   */
  public record Result(int exitCode, String stdout, String stderr, boolean truncated) {
    /** The first non-blank line of stderr, else of stdout, else "" (for one-line error messages). */
    public String firstErrorLine() {
      for (String s : List.of(stderr, stdout)) {
        for (String line : s.split("\\R")) {
          if (!line.isBlank()) return line.strip();
        }
      }
      return "";
    }
  }

  /** Runs {@code argv} with the environment of this process plus {@code extraEnv}. */
  public static Result run(List<String> argv, Map<String, String> extraEnv, Duration timeout, long maxOutput) {
    if (argv.isEmpty()) throw new BackupToolException("empty command");
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(extraEnv);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new BackupToolException(BackupToolException.Failure.NOT_STARTED,
          "cannot run " + argv.get(0) + ": " + oneLine(e.getMessage()), oneLine(e.getMessage()));
    }
    try {
      p.getOutputStream().close();
    } catch (IOException ignored) {
      // the program may already have exited
    }
    Drain out = new Drain(p.getInputStream(), maxOutput);
    Drain err = new Drain(p.getErrorStream(), maxOutput);
    out.start();
    err.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        String why = "timed out after " + timeout.toSeconds() + " s";
        throw new BackupToolException(BackupToolException.Failure.TIMED_OUT, Argv.render(argv) + " " + why, why);
      }
      out.join(5000);
      err.join(5000);
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BackupToolException(Argv.render(argv) + " was interrupted");
    }
    return new Result(p.exitValue(), out.text(), err.text(), out.truncated);
  }

  public static Result run(List<String> argv, Duration timeout) {
    return run(argv, Map.of(), timeout, DEFAULT_MAX_OUTPUT);
  }

  static String oneLine(String s) {
    if (s == null) return "unknown error";
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** Reads a stream to the end on its own thread, keeping at most {@code max} bytes. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final long max;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private volatile boolean truncated;

    Drain(InputStream in, long max) {
      super("pgops-tool-output");
      setDaemon(true);
      this.in = in;
      this.max = max;
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try (in) {
        for (int n; (n = in.read(chunk)) >= 0; ) {
          int keep = (int) Math.max(0, Math.min(n, max - buf.size()));
          buf.write(chunk, 0, keep);
          if (keep < n) truncated = true;
        }
      } catch (IOException e) {
        // the stream closed under us (process killed): keep what was read
      }
    }

    String text() {
      synchronized (buf) {
        return buf.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
