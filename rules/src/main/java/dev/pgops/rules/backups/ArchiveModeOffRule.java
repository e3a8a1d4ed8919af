package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "archive-mode-off", area = Area.BACKUPS, checklist = "BAK-1", severity = Severity.HIGH,
    summary = "WAL archiving is off on the primary, so point-in-time recovery is impossible (critical when a backup tool expects it)")
public final class ArchiveModeOffRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    // A standby archives only with archive_mode = always; its primary is the one to check.
    if (s.meta().inRecovery()) return List.of();
    Setting mode = s.setting("archive_mode").orElseThrow(() -> ctx.notEvaluated("archive_mode not in settings"));
    if (!SettingValues.isFalse(mode)) return List.of();
    // A backup tool with a WAL archive expects archiving: with it off, its archive ends and PITR silently stops.
    List<BackupCatalog> expecting = s.backupTools().collected().orElse(List.of()).stream()
        .filter(c -> c.archive() != null && c.archive().maxWal() != null).toList();
    String tools = String.join(", ", expecting.stream().map(Catalogs::label).toList());
    return List.of(ctx.finding(Location.object("setting", null, "archive_mode"),
            "archive_mode is off on the primary: no WAL is archived, so a restore can only return to the moment "
                + "of a base backup, never to a point in time (a streaming-only backup such as pg_basebackup "
                + "without archiving has the same gap)"
                + (expecting.isEmpty() ? "" : "; " + tools + " keep" + (expecting.size() == 1 ? "s" : "")
                    + " a WAL archive, which no longer grows: its backups cannot be recovered past their end"))
        .severity(expecting.isEmpty() ? Severity.HIGH : Severity.CRITICAL)
        .evidence("archive_mode", SettingValues.text(mode))
        .evidence("source", mode.source())
        .evidence("inRecovery", false)
        .evidence("backupToolsWithArchive", tools)
        .remediation("-- configure a backup tool that archives WAL (pgBackRest, WAL-G, Barman, pg_probackup), then:\n"
            + "ALTER SYSTEM SET archive_mode = 'on';\n"
            + "ALTER SYSTEM SET archive_command = '<backup tool archive-push %p>';\n"
            + "-- archive_mode needs a restart to take effect\n"
            + "-- rollback:\nALTER SYSTEM RESET archive_mode;\nALTER SYSTEM RESET archive_command;")
        .build());
  }
}
