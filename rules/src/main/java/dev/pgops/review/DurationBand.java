package dev.pgops.review;

/**
 * An estimated duration band for work that reads or rewrites a whole relation. Assumption (documented in the
 * review docs): a rewrite, validation scan or index build proceeds at 50–250 MB/s of relation size on a server
 * that is not saturated; callers pass twice the size for index builds, which also sort. A band, not a promise.
 */
public final class DurationBand {
  static final double FAST_BYTES_PER_SEC = 250.0 * 1024 * 1024;
  static final double SLOW_BYTES_PER_SEC = 50.0 * 1024 * 1024;

  /** Band edges in seconds and how each edge is written. */
  private static final double[] EDGES = {0, 1, 10, 60, 600, 3600, 4 * 3600};
  private static final String[] NAMES = {"0 s", "1 s", "10 s", "1 min", "10 min", "1 h", "4 h"};

  private DurationBand() {}

  /** "under 1 s", "1–10 s", "10 s–1 min", "1 min–1 h", "over 4 h": from the fast to the slow estimate. */
  public static String of(long bytes) {
    if (bytes <= 0) return "under 1 s";
    int lo = band(bytes / FAST_BYTES_PER_SEC);
    int hi = band(bytes / SLOW_BYTES_PER_SEC);
    if (lo == 0 && hi == 0) return "under 1 s";
    if (lo == EDGES.length - 1) return "over 4 h";
    String from = NAMES[lo];
    String to = hi + 1 < NAMES.length ? NAMES[hi + 1] : null;
    if (to == null) return "over " + from;
    if (lo == 0) return "under " + to;
    String fromUnit = from.substring(from.indexOf(' ') + 1);
    String toUnit = to.substring(to.indexOf(' ') + 1);
    return fromUnit.equals(toUnit) ? from.substring(0, from.indexOf(' ')) + "–" + to : from + "–" + to;
  }

  private static int band(double seconds) {
    int b = 0;
    for (int i = 0; i < EDGES.length; i++) if (seconds >= EDGES[i]) b = i;
    return b;
  }
}
