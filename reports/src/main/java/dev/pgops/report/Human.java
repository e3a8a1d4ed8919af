package dev.pgops.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display strings for numbers, sizes and instants: fixed locale and zone, so reports are reproducible. */
final class Human {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

  private Human() {}

  /** "1.5 GB", "812 kB", "40 bytes" (binary units, as pg_size_pretty). */
  static String bytes(long bytes) {
    if (bytes < 1024) return bytes + " bytes";
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " " + UNITS[u];
  }

  /** "1,250,000,000". */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "1.25 B", "200 M", "12 k", "950". */
  static String shortCount(long n) {
    if (Math.abs(n) >= 1_000_000_000L) return trim(n / 1e9) + " B";
    if (Math.abs(n) >= 1_000_000L) return trim(n / 1e6) + " M";
    if (Math.abs(n) >= 10_000L) return trim(n / 1e3) + " k";
    return Long.toString(n);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    while (s.contains(".") && (s.endsWith("0") || s.endsWith("."))) s = s.substring(0, s.length() - 1);
    return s;
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  static String millis(long ms) {
    if (ms < 1000) return ms + " ms";
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
