package dev.pgops.rules.performance;

import dev.pgops.rules.RuleContext;
import dev.pgops.snapshot.DatabaseStats;
import java.time.Duration;
import java.util.Optional;

/** Statistics windows of per-database counters, for the Performance rules that report rates. */
final class StatsWindows {
  private StatsWindows() {}

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
