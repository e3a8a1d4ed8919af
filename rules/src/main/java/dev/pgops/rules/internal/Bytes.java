package dev.pgops.rules.internal;

import java.util.Locale;

/** Human-readable byte counts in binary units, as pg_size_pretty prints them. */
public final class Bytes {
  private Bytes() {}

  public static final long KB = 1024, MB = KB * 1024, GB = MB * 1024;

  public static String human(long bytes) {
    if (bytes < KB) return bytes + " bytes";
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
  }

  /** Threshold values are configured in MB. */
  public static long mb(double mb) {
    return (long) (mb * MB);
  }
}
