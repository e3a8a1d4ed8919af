package dev.pgops.rules.schema;

import java.util.Locale;

/** Number formatting shared by the schema rules. */
final class Fmt {
  private Fmt() {}

  /** 0.4123 → "41 %"; values just below a whole percent are never rounded up across a threshold. */
  static String pct(double ratio) {
    double p = Math.floor(ratio * 1000) / 10;
    return (p >= 10 || p == Math.floor(p) ? String.format(Locale.ROOT, "%.0f", Math.floor(p))
        : String.format(Locale.ROOT, "%.1f", p)) + " %";
  }

  /** 2100000 → "2.1 M", 25000 → "25 k". */
  static String count(long n) {
    if (n >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f B", n / 1e9);
    if (n >= 1_000_000L) return String.format(Locale.ROOT, "%.1f M", n / 1e6);
    if (n >= 10_000L) return String.format(Locale.ROOT, "%.0f k", n / 1e3);
    return Long.toString(n);
  }
}
