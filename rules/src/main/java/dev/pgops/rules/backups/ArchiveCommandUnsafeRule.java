package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@RuleInfo(id = "archive-command-unsafe", area = Area.BACKUPS, checklist = "BAK-2", severity = Severity.MEDIUM,
    summary = "WAL archiving is on without a safe command: empty, a no-op or plain copy, both command and library set, or not the backup tool in use")
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
    String command = SettingValues.text(s, "archive_command").orElse("");
    if (command.equals("(disabled)")) command = "";
    Location loc = Location.object("setting", null, "archive_command");
    if (!library.isEmpty()) {
      if (command.isEmpty()) return List.of();
      // PG15 ignores archive_command when a library is set; PG16+ refuses to archive at all ("both set")
      boolean refuses = s.meta().version() != null && s.meta().version().atLeast(16);
      return List.of(ctx.finding(loc, "Both archive_library ('" + library + "') and archive_command ('" + command
              + "') are set: " + (refuses
                  ? "PostgreSQL 16+ refuses this combination, the archiver stops with an error and nothing is archived"
                  : "the command is ignored, so whatever it was meant to do (e.g. push to the backup tool) does not happen"))
          .severity(refuses ? Severity.CRITICAL : Severity.HIGH)
          .evidence("archive_mode", mode)
          .evidence("archive_library", library)
          .evidence("archive_command", command)
          .remediation("-- keep the one that archives to the backup tool, reset the other:\n"
              + "ALTER SYSTEM RESET archive_command;   -- or: ALTER SYSTEM RESET archive_library;\n"
              + "SELECT pg_reload_conf();\n"
              + "-- rollback:\nALTER SYSTEM SET archive_command = " + Sql.literal(command) + ";\nSELECT pg_reload_conf();")
          .build());
    }
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
    if (KNOWN_TOOL.matcher(command).find()) return bypassesTool(s, ctx, loc, mode, command);
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

  /**
   * The command calls a backup tool, but not the one whose catalogue pgops read: WAL goes to another archive. Barman
   * is left out: it can receive WAL by streaming (receive-wal) instead of archive_command.
   */
  private List<Finding> bypassesTool(Snapshot s, RuleContext ctx, Location loc, String mode, String command) {
    List<BackupCatalog> catalogs = s.backupTools().collected().orElse(List.of()).stream()
        .filter(c -> !Catalogs.lower(c.tool()).equals("barman")).toList();
    if (catalogs.isEmpty()) return List.of();
    String lower = command.toLowerCase(Locale.ROOT);
    boolean called = catalogs.stream().anyMatch(c -> toolWords(c.tool()).stream().anyMatch(lower::contains));
    if (called) return List.of();
    String tools = String.join(", ", catalogs.stream().map(Catalogs::label).toList());
    return List.of(ctx.finding(loc, "archive_command ('" + command + "') does not call the backup tool whose catalogue "
            + "was read (" + tools + "): WAL goes to another archive, so that tool's backups cannot be recovered to "
            + "a point in time")
        .severity(Severity.MEDIUM)
        .evidence("archive_mode", mode)
        .evidence("archive_command", command)
        .evidence("backupTools", tools)
        .remediation(toolRemediation())
        .build());
  }

  private static List<String> toolWords(String tool) {
    return switch (Catalogs.lower(tool)) {
      case "wal-g" -> List.of("wal-g", "walg");
      default -> List.of(Catalogs.lower(tool));
    };
  }

  private static String toolRemediation() {
    return "-- archive through a backup tool that syncs, verifies and expires WAL, e.g.\n"
        + "ALTER SYSTEM SET archive_command = 'pgbackrest --stanza=main archive-push %p';\n"
        + "SELECT pg_reload_conf();\n"
        + "-- rollback:\nALTER SYSTEM RESET archive_command;\nSELECT pg_reload_conf();";
  }
}
