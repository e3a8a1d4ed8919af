package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.regex.Pattern;

@RuleInfo(id = "archive-command-unsafe", area = Area.BACKUPS, checklist = "BAK-2", severity = Severity.MEDIUM,
    summary = "WAL archiving is on without a command, or with a plain copy that neither syncs, verifies nor retains")
public final class ArchiveCommandUnsafeRule implements Rule {
  static final Pattern KNOWN_TOOL = Pattern.compile(
      "(pgbackrest|wal-g|walg|barman-wal-archive|barman-cloud-wal-archive|pg_probackup)", Pattern.CASE_INSENSITIVE);
  static final Pattern PLAIN_COPY = Pattern.compile("(^|[\\s;&|(/])(cp|rsync|scp)(\\s|$)");
  static final Pattern DISCARD = Pattern.compile("^\\s*(/bin/|/usr/bin/)?(true|:|exit 0)\\s*;?\\s*$");

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    String mode = SettingValues.text(s, "archive_mode").orElseThrow(() -> ctx.notEvaluated("archive_mode not in settings"));
    if (SettingValues.isFalse(mode)) return List.of();
    String library = SettingValues.text(s, "archive_library").orElse("");
    if (!library.isEmpty()) return List.of();
    String command = SettingValues.text(s, "archive_command").orElse("");
    if (command.equals("(disabled)")) command = "";
    Location loc = Location.object("setting", null, "archive_command");
    if (command.isEmpty()) {
      return List.of(ctx.finding(loc, "archive_mode is " + mode + " but archive_command is empty and no archive_library "
              + "is set: nothing is archived, and the server keeps every WAL segment in pg_wal until the disk fills")
          .severity(Severity.CRITICAL)
          .evidence("archive_mode", mode)
          .evidence("archive_command", "")
          .evidence("archive_library", "")
          .remediation(toolRemediation())
          .build());
    }
    if (KNOWN_TOOL.matcher(command).find()) return List.of();
    if (DISCARD.matcher(command).matches()) {
      return List.of(ctx.finding(loc, "archive_command '" + command + "' reports success without keeping the WAL: "
              + "archiving looks on but there is no archive and no point-in-time recovery")
          .severity(Severity.HIGH)
          .evidence("archive_mode", mode)
          .evidence("archive_command", command)
          .remediation(toolRemediation())
          .build());
    }
    if (PLAIN_COPY.matcher(command).find()) {
      return List.of(ctx.finding(loc, "archive_command copies WAL with a plain tool ('" + command + "'): no fsync of the "
              + "archived file, no checksum verification, no retention or expiry, and no check that the file is not "
              + "already there")
          .severity(Severity.MEDIUM)
          .evidence("archive_mode", mode)
          .evidence("archive_command", command)
          .remediation(toolRemediation())
          .build());
    }
    return List.of();
  }

  private static String toolRemediation() {
    return "-- archive through a backup tool that syncs, verifies and expires WAL, e.g.\n"
        + "ALTER SYSTEM SET archive_command = 'pgbackrest --stanza=main archive-push %p';\n"
        + "SELECT pg_reload_conf();\n"
        + "-- rollback:\nALTER SYSTEM RESET archive_command;\nSELECT pg_reload_conf();";
  }
}
