package dev.pgops.rules.pressure;

import dev.pgops.rules.RuleContext;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.Optional;

/** Shared pieces of the instance-pressure rules. */
final class Pressure {
  private Pressure() {}

  /**
   * Checkpoints that count for rates: {@code num_done} on PG18 (completed ones), else timed + requested —
   * before 18 the timed counter also counts checkpoints skipped because the server was idle.
   */
  static long checkpoints(InstancePressure.Checkpoints c) {
    return c.done() != null ? c.done() : c.timed() + c.requested();
  }

  /** The window the checkpoint counters cover (their own stats_reset); empty when unknown. */
  static Optional<Duration> checkpointWindow(InstancePressure.Checkpoints c, RuleContext ctx) {
    return c.statsReset() == null ? Optional.empty() : Optional.of(Duration.between(c.statsReset(), ctx.now()));
  }

  /** A setting as pg_settings shows it with its unit ("1024 MB"), or "unknown". */
  static String shown(Snapshot s, String name) {
    return s.setting(name).map(SettingValues::shown).orElse("unknown");
  }
}
