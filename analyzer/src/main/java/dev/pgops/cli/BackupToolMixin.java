package dev.pgops.cli;

import dev.pgops.backup.Argv;
import dev.pgops.backup.BackupTool;
import dev.pgops.backup.BackupToolOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the backup tool's catalogue comes from (the backupTools section): shared by collect and check. */
final class BackupToolMixin {
  @Option(names = "--backup-tool", paramLabel = "TOOL",
      description = "Read this backup tool's catalogue into the snapshot: pgbackrest, wal-g, barman or pg_probackup.")
  String tool;

  @Option(names = "--backup-name", paramLabel = "NAME",
      description = "pgBackRest stanza, Barman server or pg_probackup instance (default: every one the tool lists).")
  String name;

  @Option(names = "--backup-info", paramLabel = "FILE",
      description = "Read the tool's JSON from FILE instead of running the tool. Repeatable, for tools with several "
          + "outputs (told apart by their shape): WAL-G backup-list --detail --json and wal-verify integrity timeline "
          + "--json; Barman list-backups, show-backup and check; pg_probackup show and show --archive.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--backup-command", paramLabel = "COMMAND",
      description = "Program to run instead of the tool's name, with options of its own, e.g. "
          + "\"sudo -u postgres pgbackrest --config=/etc/pgbackrest/db.conf\". Split into words on whitespace with "
          + "'…' and \"…\" quoting, never run by a shell. pgops appends each read-only command, e.g. "
          + "--stanza=NAME --output=json info.")
  String command;

  @Option(names = "--backup-timeout", paramLabel = "SECONDS",
      description = "How long one backup-tool command may run (default: 60).")
  Long timeoutSeconds;

  /** The options, or null when no backup tool was asked for; a usage error names the option at fault. */
  BackupToolOptions options() {
    if (tool == null) {
      String orphan = name != null ? "--backup-name" : !files.isEmpty() ? "--backup-info"
          : command != null ? "--backup-command" : timeoutSeconds != null ? "--backup-timeout" : null;
      if (orphan != null) {
        throw new UserError(ExitCode.USAGE, orphan + " needs --backup-tool (" + BackupTool.ids() + ")");
      }
      return null;
    }
    BackupTool t;
    try {
      t = BackupTool.parse(tool);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, "--backup-tool: " + e.getMessage());
    }
    if (!files.isEmpty() && command != null) {
      throw new UserError(ExitCode.USAGE, "--backup-info and --backup-command exclude each other (read files or run the tool)");
    }
    if (timeoutSeconds != null && timeoutSeconds <= 0) {
      throw new UserError(ExitCode.USAGE, "--backup-timeout must be a positive number of seconds");
    }
    List<String> program = null;
    if (command != null) {
      try {
        program = Argv.split(command);
      } catch (IllegalArgumentException e) {
        throw new UserError(ExitCode.USAGE, "--backup-command: " + e.getMessage());
      }
      if (program.isEmpty()) throw new UserError(ExitCode.USAGE, "--backup-command is empty");
    }
    return new BackupToolOptions(t, name, files, program,
        timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
  }
}
