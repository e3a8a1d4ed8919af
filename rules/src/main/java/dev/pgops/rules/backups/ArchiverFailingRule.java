package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "archiver-failing", area = Area.BACKUPS, checklist = "BAK-1", severity = Severity.CRITICAL,
    summary = "The WAL archiver's last attempt failed, so WAL is not reaching the archive")
public final class ArchiverFailingRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    ArchiverStats a = ctx.require(s.archiver(), "archiver");
    if (a.failedCount() == 0 && a.lastFailedAt() == null) return List.of();
    // Old counters from a time archiving was on: archive-mode-off reports the real problem.
    if (SettingValues.text(s, "archive_mode").map(SettingValues::isFalse).orElse(false)) return List.of();
    boolean failing = a.lastArchivedAt() == null
        || (a.lastFailedAt() != null && a.lastFailedAt().isAfter(a.lastArchivedAt()));
    String lastOk = a.lastArchivedAt() == null ? "never" : Fmt.ago(a.lastArchivedAt(), ctx) + " (" + a.lastArchivedWal() + ")";
    String lastFail = a.lastFailedAt() == null ? "unknown" : Fmt.ago(a.lastFailedAt(), ctx) + " (" + a.lastFailedWal() + ")";
    String message = failing
        ? "WAL archiving is failing: last failure " + lastFail + ", last success " + lastOk + "; " + a.failedCount()
            + " failures counted. WAL piles up in pg_wal" + (a.readyCount() == null ? "" : " (" + a.readyCount()
                + " segments waiting)") + " and the archive has a gap"
        : a.failedCount() + " WAL archive failures counted, the last " + lastFail
            + ", but archiving has succeeded since (last success " + lastOk + ")";
    return List.of(ctx.finding(Location.server(), message)
        .severity(failing ? Severity.CRITICAL : Severity.INFO)
        .evidence("failedCount", a.failedCount())
        .evidence("lastFailedAt", a.lastFailedAt())
        .evidence("lastFailedWal", a.lastFailedWal())
        .evidence("archivedCount", a.archivedCount())
        .evidence("lastArchivedAt", a.lastArchivedAt())
        .evidence("lastArchivedWal", a.lastArchivedWal())
        .evidence("statsReset", a.statsReset())
        .evidence("readyCount", a.readyCount() == null ? "not collected" : a.readyCount())
        .remediation(failing
            ? "-- the server log has the archive_command / archive_library error for each failure\n"
                + "SELECT * FROM pg_stat_archiver;\n"
                + "-- fix the destination (space, credentials, network) or the command, then watch last_archived_time move;\n"
                + "-- check pg_wal disk headroom meanwhile, and take a new base backup once the gap is closed"
            : "-- no action needed if failures stay rare; the server log says why they happened")
        .build());
  }
}
