package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

/** B05: WAL segments waiting for the archiver ({@code .ready} files), check_postgres' archive_ready limits. */
@RuleInfo(id = "archive-backlog", area = Area.BACKUPS, checklist = "BAK-1", severity = Severity.MEDIUM,
    summary = "WAL segments are piling up in pg_wal waiting to be archived")
public final class ArchiveBacklogRule implements Rule {
  static final Threshold WARN_READY = Threshold.of("warnReady", 10, "this many .ready segments is medium");
  static final Threshold CRIT_READY = Threshold.of("critReady", 15, "this many .ready segments is high");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_READY, CRIT_READY);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    ArchiverStats a = ctx.require(s.archiver(), "archiver");
    if (a.readyCount() == null) {
      throw ctx.notEvaluated("the .ready count was not collected: pg_ls_archive_statusdir() needs pg_monitor or "
          + "superuser (PostgreSQL 12+)");
    }
    long ready = a.readyCount();
    long warn = (long) ctx.value(WARN_READY);
    long crit = (long) ctx.value(CRIT_READY);
    if (ready < warn) return List.of();
    long segBytes = WalSegment.segmentBytes(s);
    String mode = SettingValues.text(s, "archive_mode").orElse("unknown");
    return List.of(ctx.finding(Location.server(), ready + " WAL segments (" + Bytes.human(ready * segBytes)
            + ") wait in pg_wal/archive_status to be archived: the archiver is "
            + (a.failedCount() > 0 && a.lastFailedAt() != null
                && (a.lastArchivedAt() == null || a.lastFailedAt().isAfter(a.lastArchivedAt()))
                ? "failing" : "not keeping up")
            + ", the archive lags by at least that much WAL, and pg_wal grows until they are archived")
        .severity(ready >= crit ? Severity.HIGH : Severity.MEDIUM)
        .evidence("readyCount", ready)
        .evidence("backlog", Bytes.human(ready * segBytes))
        .evidence("archive_mode", mode)
        .evidence("lastArchivedWal", a.lastArchivedWal())
        .evidence("lastArchivedAt", a.lastArchivedAt())
        .evidence("thresholds", warn + " medium, " + crit + " high")
        .remediation("-- what is waiting, oldest first (pg_monitor):\n"
            + "SELECT name, modification FROM pg_ls_archive_statusdir() WHERE name LIKE '%.ready' ORDER BY name LIMIT 20;\n"
            + "SELECT last_archived_wal, last_archived_time, last_failed_wal, last_failed_time FROM pg_stat_archiver;\n"
            + "-- a slow archive_command (one upload per segment) falls behind under write load: use the tool's\n"
            + "-- asynchronous, parallel push (pgBackRest archive-async=y with process-max, WAL-G WALG_UPLOAD_CONCURRENCY)")
        .build());
  }
}
