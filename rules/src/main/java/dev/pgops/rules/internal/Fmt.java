package dev.pgops.rules.internal;

import dev.pgops.rules.RuleContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Number, age and timestamp formatting for finding messages and evidence, shared by all rule packages. */
public final class Fmt {
  private Fmt() {}

  /** 0.4123 → "41 %", 0.186 → "19 %", 0.005 → "0.5 %": whole percent from 10 %, one decimal below; rounded to nearest. */
  public static String pct(double ratio) {
    return percent(ratio, RoundingMode.HALF_UP);
  }

  /**
   * As {@link #pct} but rounded down (0.558 → "55 %", 0.9896 → "98 %"), so a value just below a limit never reads
   * as the limit itself: for ratios compared against a threshold they must not appear to reach.
   */
  public static String pctDown(double ratio) {
    return percent(ratio, RoundingMode.FLOOR);
  }

  private static String percent(double ratio, RoundingMode mode) {
    // nine decimals first, so that 0.57 * 100 = 56.99999999999999 is not rounded down to 56
    BigDecimal p = BigDecimal.valueOf(ratio * 100).setScale(9, RoundingMode.HALF_UP);
    BigDecimal r = p.abs().compareTo(BigDecimal.TEN) >= 0 ? p.setScale(0, mode) : p.setScale(1, mode);
    return r.stripTrailingZeros().toPlainString() + " %";
  }

  /** "1.2 B", "450 M", "2.1 M", "41 k", "950". */
  public static String count(double n) {
    double a = Math.abs(n);
    if (a >= 1e9) return scaled(n / 1e9) + " B";
    if (a >= 1e6) return scaled(n / 1e6) + " M";
    if (a >= 1e4) return String.format(Locale.ROOT, "%.0f k", n / 1e3);
    return String.format(Locale.ROOT, "%.0f", n);
  }

  private static String scaled(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A rate or ratio: "812", "3.25", "0.04". */
  public static String num(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Plain number text for evidence and thresholds: "50", "0.1" (no grouping, locale-independent). */
  public static String plain(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
  }

  /** "3 d 4 h" for an age in seconds. */
  public static String age(long seconds) {
    return RuleContext.human(Duration.ofSeconds(seconds));
  }

  /** "12 d 3 h ago", or "never" when there is no instant. */
  public static String ago(Instant t, RuleContext ctx) {
    return t == null ? "never" : RuleContext.human(Duration.between(t, ctx.now())) + " ago";
  }

  /** An instant for evidence, or "never". */
  public static String when(Instant t) {
    return t == null ? "never" : t.toString();
  }
}
