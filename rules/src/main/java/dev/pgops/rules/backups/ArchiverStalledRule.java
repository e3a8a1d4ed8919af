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
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * B03: archiving stalled. The server side: the last archived WAL is older than max(backup.rpo, 2 ×
 * archive_timeout). The tool side: a backup tool's archive ends segments before what the server reports archived.
 */
@RuleInfo(id = "archiver-stalled", area = Area.BACKUPS, checklist = "BAK-1", severity = Severity.MEDIUM,
    summary = "WAL archiving is on but nothing has been archived recently, or the backup tool's archive lags the server")
public final class ArchiverStalledRule implements Rule {
  static final Threshold TOOL_LAG_SEGMENTS = Threshold.of("toolLagSegments", 2,
      "report a backup tool whose newest archived segment is more than this many segments behind the server's "
          + "last archived WAL");

  @Override
  public List<Threshold> thresholds() {
    return List.of(TOOL_LAG_SEGMENTS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    ArchiverStats a = ctx.require(s.archiver(), "archiver");
    String mode = SettingValues.text(s, "archive_mode").orElseThrow(() -> ctx.notEvaluated("archive_mode not in settings"));
    if (SettingValues.isFalse(mode)) return List.of();
    // A standby archives only with archive_mode = always.
    if (s.meta().inRecovery() && !mode.equalsIgnoreCase("always")) return List.of();
    List<Finding> out = new ArrayList<>();
    serverSide(s, ctx, a, mode).ifPresent(out::add);
    out.addAll(toolSide(s, ctx, a));
    return out;
  }

  private Optional<Finding> serverSide(Snapshot s, RuleContext ctx, ArchiverStats a, String mode) {
    // A failing archiver is archiver-failing's finding.
    if (a.lastFailedAt() != null && (a.lastArchivedAt() == null || a.lastFailedAt().isAfter(a.lastArchivedAt()))) {
      return Optional.empty();
    }
    long timeoutMs = SettingValues.millis(s, "archive_timeout").orElse(0);
    Duration rpo = ctx.backupPolicy().rpo();
    Duration limit = rpo;
    if (timeoutMs > 0 && Duration.ofMillis(2 * timeoutMs).compareTo(limit) > 0) limit = Duration.ofMillis(2 * timeoutMs);
    String idleNote = timeoutMs > 0 ? ""
        : "; archive_timeout is 0, so an idle server that writes no WAL archives nothing and this may be quiet rather than stuck";
    String limitText = "max(backup.rpo " + RuleContext.human(rpo) + ", 2 × archive_timeout)";
    if (a.lastArchivedAt() == null) {
      return Optional.of(ctx.finding(Location.server(),
              "archive_mode is " + mode + " but no WAL segment has been archived since the statistics were reset"
                  + (a.statsReset() == null ? "" : " (" + Fmt.ago(a.statsReset(), ctx) + ")")
                  + idleNote)
          .severity(Severity.MEDIUM)
          .evidence("archive_mode", mode)
          .evidence("archive_timeout_ms", timeoutMs)
          .evidence("archivedCount", a.archivedCount())
          .evidence("statsReset", a.statsReset())
          .evidence("limit", limitText)
          .remediation(remediation())
          .build());
    }
    Duration age = Duration.between(a.lastArchivedAt(), ctx.now());
    if (age.compareTo(limit) <= 0) return Optional.empty();
    boolean overRpo = age.compareTo(rpo) > 0;
    return Optional.of(ctx.finding(Location.server(),
            "Last WAL segment archived " + RuleContext.human(age) + " ago (" + a.lastArchivedWal() + "), over the "
                + RuleContext.human(limit) + " limit" + (overRpo ? ": WAL written since then is not in the archive, "
                + "beyond the " + RuleContext.human(rpo) + " RPO" : "") + idleNote)
        .severity(timeoutMs > 0 ? Severity.MEDIUM : Severity.LOW)
        .evidence("lastArchivedAt", a.lastArchivedAt())
        .evidence("lastArchivedWal", a.lastArchivedWal())
        .evidence("age", RuleContext.human(age))
        .evidence("limit", RuleContext.human(limit) + " = " + limitText)
        .evidence("archive_timeout_ms", timeoutMs)
        .remediation(remediation())
        .build());
  }

  /** Each catalogue whose archive ends well before the segment the server last archived. */
  private List<Finding> toolSide(Snapshot s, RuleContext ctx, ArchiverStats a) {
    List<BackupCatalog> catalogs = s.backupTools().collected().orElse(List.of());
    Optional<WalSegment> server = WalSegment.parse(a.lastArchivedWal());
    if (catalogs.isEmpty() || server.isEmpty()) return List.of();
    long segBytes = WalSegment.segmentBytes(s);
    long allowed = (long) ctx.value(TOOL_LAG_SEGMENTS);
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      Optional<WalSegment> tool = WalSegment.parse(c.archive() == null ? null : c.archive().maxWal());
      if (tool.isEmpty()) continue;
      long behind = server.get().number(segBytes) - tool.get().number(segBytes);
      if (behind <= allowed) continue;
      out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + ": its archive ends at " + c.archive().maxWal()
              + " but the server reports " + a.lastArchivedWal() + " archived, " + behind + " segments ("
              + Bytes.human(behind * segBytes) + ") later: WAL the server counts as archived is not in this repository "
              + "(archive_command pushes elsewhere, or the catalogue is stale)")
          .severity(Severity.HIGH)
          .evidence("tool", c.tool())
          .evidence("toolArchiveMax", c.archive().maxWal())
          .evidence("serverLastArchivedWal", a.lastArchivedWal())
          .evidence("lastArchivedAt", a.lastArchivedAt())
          .evidence("segmentsBehind", behind)
          .evidence("allowedSegments", allowed)
          .remediation("-- which command archives, and where to?\n"
              + "SHOW archive_command;\nSHOW archive_library;\n"
              + "-- then compare with the tool's own view:\n-- " + Catalogs.infoCommand(c))
          .build());
    }
    return out;
  }

  private static String remediation() {
    return "-- compare the current WAL file with the last archived one; .ready files in pg_wal/archive_status are waiting\n"
        + "SELECT pg_walfile_name(pg_current_wal_lsn()), last_archived_wal, last_archived_time FROM pg_stat_archiver;\n"
        + "-- if archive_command hangs, the server log shows it; to bound data loss on quiet servers:\n"
        + "ALTER SYSTEM SET archive_timeout = '5min';\nSELECT pg_reload_conf();\n"
        + "-- rollback:\nALTER SYSTEM RESET archive_timeout;\nSELECT pg_reload_conf();";
  }
}
