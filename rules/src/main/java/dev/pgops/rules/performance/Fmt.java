package dev.pgops.rules.performance;

import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.rules.RuleContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Number formatting and statistics windows shared by the Performance rules. */
final class Fmt {
  private Fmt() {}

  /** "97.3 %" */
  static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  /** "1.2 M", "41 k", "812". */
  static String count(long n) {
    if (n >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f B", n / 1e9);
    if (n >= 1_000_000L) return String.format(Locale.ROOT, "%.1f M", n / 1e6);
    if (n >= 10_000L) return String.format(Locale.ROOT, "%.0f k", n / 1e3);
    return Long.toString(n);
  }

  static String num(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** The window a database's counters cover: its own stats_reset, else the snapshot's window. */
  static Optional<Duration> window(DatabaseStats db, RuleContext ctx) {
    if (db.statsReset() != null) return Optional.of(Duration.between(db.statsReset(), ctx.now()));
    return ctx.statsWindow();
  }

  /** Days in a window, at least one hour's worth so a fresh reset does not divide by ~0. */
  static double days(Duration d) {
    return Math.max(d.getSeconds(), 3600) / 86400.0;
  }
}
