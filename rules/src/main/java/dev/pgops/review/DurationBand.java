package dev.pgops.review;

/**
 * An estimated duration band for work that reads or rewrites a whole relation. Assumption (documented in the
 * review docs): a rewrite, validation scan or index build proceeds at 50–250 MB/s of relation size on a server
 * that is not saturated; index builds also sort, so the slow end is used for them. A band, not a promise.
 */
public final class DurationBand {
  static final double FAST_BYTES_PER_SEC = 250.0 * 1024 * 1024;
  static final double SLOW_BYTES_PER_SEC = 50.0 * 1024 * 1024;

  private DurationBand() {}

  /** "under 1 s", "1–10 s", "10 s–1 min", "1–10 min", "10 min–1 h", "1–4 h", "over 4 h". */
  public static String of(long bytes) {
    if (bytes <= 0) return "under 1 s";
    double fast = bytes / FAST_BYTES_PER_SEC;
    double slow = bytes / SLOW_BYTES_PER_SEC;
    return label(fast) + (label(fast).equals(label(slow)) ? "" : " to " + label(slow));
  }

  private static String label(double seconds) {
    if (seconds < 1) return "under 1 s";
    if (seconds < 10) return "1–10 s";
    if (seconds < 60) return "10 s–1 min";
    if (seconds < 600) return "1–10 min";
    if (seconds < 3600) return "10 min–1 h";
    if (seconds < 4 * 3600) return "1–4 h";
    return "over 4 h";
  }
}
