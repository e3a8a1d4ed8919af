package dev.pgops.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * Wall time per phase of one command, printed to stderr when the JVM runs with {@code -Dpgops.timings}: what the
 * review benchmark reports next to the total. Costs nothing when off.
 */
final class Timings {
  private final boolean on = Boolean.getBoolean("pgops.timings");
  private final long startMillis = System.currentTimeMillis();
  private final StringBuilder phases = new StringBuilder();
  private long last = System.nanoTime();

  /** Ends the phase {@code name} now. */
  void mark(String name) {
    if (!on) return;
    long now = System.nanoTime();
    phases.append(", ").append(name).append(' ').append((now - last) / 1_000_000).append(" ms");
    last = now;
  }

  /** One line: the JVM's start-up before the command, then each phase. */
  void print(PrintWriter err) {
    if (!on) return;
    long jvm = startMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
    err.println("pgops: timings: start-up " + jvm + " ms" + phases);
    err.flush();
  }
}
