package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.List;

@RuleInfo(id = "archiver-stalled", area = Area.BACKUPS, checklist = "BAK-1", severity = Severity.MEDIUM,
    summary = "WAL archiving is on but nothing has been archived recently")
public final class ArchiverStalledRule implements Rule {
  static final Threshold MIN_STALL_MINUTES = Threshold.of("minStallMinutes", 5,
      "report when the last archived WAL is older than this (minutes) or 2 x archive_timeout, whichever is larger");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_STALL_MINUTES);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    ArchiverStats a = ctx.require(s.archiver(), "archiver");
    String mode = SettingValues.text(s, "archive_mode").orElseThrow(() -> ctx.notEvaluated("archive_mode not in settings"));
    if (SettingValues.isFalse(mode)) return List.of();
    // A standby archives only with archive_mode = always.
    if (s.meta().inRecovery() && !mode.equalsIgnoreCase("always")) return List.of();
    // A failing archiver is archiver-failing's finding.
    if (a.lastFailedAt() != null && (a.lastArchivedAt() == null || a.lastFailedAt().isAfter(a.lastArchivedAt()))) {
      return List.of();
    }
    long timeoutMs = SettingValues.millis(s, "archive_timeout").orElse(0);
    Duration limit = Duration.ofSeconds((long) (ctx.value(MIN_STALL_MINUTES) * 60));
    if (timeoutMs > 0 && Duration.ofMillis(2 * timeoutMs).compareTo(limit) > 0) limit = Duration.ofMillis(2 * timeoutMs);
    String idleNote = timeoutMs > 0 ? ""
        : "; archive_timeout is 0, so an idle server that writes no WAL archives nothing and this may be quiet rather than stuck";
    if (a.lastArchivedAt() == null) {
      return List.of(ctx.finding(Location.server(),
              "archive_mode is " + mode + " but no WAL segment has been archived since the statistics were reset"
                  + (a.statsReset() == null ? "" : " (" + Fmt.ago(a.statsReset(), ctx) + ")")
                  + idleNote)
          .severity(Severity.MEDIUM)
          .evidence("archive_mode", mode)
          .evidence("archive_timeout_ms", timeoutMs)
          .evidence("archivedCount", a.archivedCount())
          .evidence("statsReset", a.statsReset())
          .remediation(remediation())
          .build());
    }
    Duration age = Duration.between(a.lastArchivedAt(), ctx.now());
    if (age.compareTo(limit) <= 0) return List.of();
    return List.of(ctx.finding(Location.server(),
            "Last WAL segment archived " + RuleContext.human(age) + " ago (" + a.lastArchivedWal() + "), over the "
                + RuleContext.human(limit) + " limit" + idleNote)
        .severity(timeoutMs > 0 ? Severity.MEDIUM : Severity.LOW)
        .evidence("lastArchivedAt", a.lastArchivedAt())
        .evidence("lastArchivedWal", a.lastArchivedWal())
        .evidence("age", RuleContext.human(age))
        .evidence("limit", RuleContext.human(limit))
        .evidence("archive_timeout_ms", timeoutMs)
        .remediation(remediation())
        .build());
  }

  private static String remediation() {
    return "-- compare the current WAL file with the last archived one; .ready files in pg_wal/archive_status are waiting\n"
        + "SELECT pg_walfile_name(pg_current_wal_lsn()), last_archived_wal, last_archived_time FROM pg_stat_archiver;\n"
        + "-- if archive_command hangs, the server log shows it; to bound data loss on quiet servers:\n"
        + "ALTER SYSTEM SET archive_timeout = '5min';\nSELECT pg_reload_conf();\n"
        + "-- rollback:\nALTER SYSTEM RESET archive_timeout;\nSELECT pg_reload_conf();";
  }
}
