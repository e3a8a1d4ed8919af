package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "stats-window-short", area = Area.PERFORMANCE, checklist = "PRF-8", severity = Severity.INFO,
    summary = "Usage statistics cover too short a window to trust usage-based findings")
public final class StatsWindowShortRule implements Rule {
  static final String DOWNGRADED = "unused-index, low-value-index, seq-scan-heavy-table, cache-hit-ratio, "
      + "table-cache-hit-ratio, rollback-ratio, deadlocks, temp-files-heavy and other usage-based findings";

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Optional<Duration> window = ctx.statsWindow();
    String since = s.meta().statsReset() != null ? "stats reset at " + s.meta().statsReset()
        : s.meta().postmasterStartedAt() != null ? "server start at " + s.meta().postmasterStartedAt() + " (never reset)"
        : "unknown";
    if (window.isEmpty()) {
      return List.of(ctx.finding(Location.server(),
              "Statistics window unknown (no stats reset or server start time): " + DOWNGRADED
                  + " are still evaluated but lowered in severity")
          .evidence("statsWindow", "unknown")
          .evidence("since", since)
          .remediation("Re-run pgops as a role that can read pg_stat_database.stats_reset and pg_postmaster_start_time().")
          .build());
    }
    if (!ctx.statsWindowShort()) return List.of();
    return List.of(ctx.finding(Location.server(),
            "Statistics cover only " + RuleContext.human(window.get()) + " (" + since + "), below the configured "
                + "minimum (statsWindowMinDays): " + DOWNGRADED + " are lowered in severity")
        .evidence("statsWindow", RuleContext.human(window.get()))
        .evidence("since", since)
        .remediation("Re-run pgops once the window covers a full business cycle (at least a week); avoid "
            + "pg_stat_reset() in routine operations, or lower statsWindowMinDays in pgops.yaml if this is intended.")
        .build());
  }
}
