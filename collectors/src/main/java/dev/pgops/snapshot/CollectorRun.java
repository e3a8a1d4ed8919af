package dev.pgops.snapshot;

/** How one collector went: ok, skipped (not applicable / no permission / missing extension) or failed. */
public record CollectorRun(String name, Status status, String reason, long durationMs, int statements) {
  public enum Status { OK, SKIPPED, FAILED }

  public CollectorRun {
    reason = reason == null ? "" : reason;
  }
}
