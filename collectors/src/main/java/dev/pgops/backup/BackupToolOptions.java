package dev.pgops.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the backup-tool catalogue comes from.
 *
 * @param tool    the tool
 * @param name    pgBackRest stanza, Barman server, pg_probackup instance (WAL-G: a label for the storage); null for
 *                every stanza / server / instance the tool reports
 * @param files   JSON files to read instead of running the tool (each tool's outputs are told apart by their shape);
 *                empty to run the tool
 * @param program the program to run instead of the tool's own name, with options of its own, e.g.
 *                {@code [sudo, -u, postgres, pgbackrest, --config=/etc/pgbackrest/db.conf]}; pgops appends the
 *                arguments of each read-only command it runs (see {@link #commands()}); null runs {@code tool.id()}
 * @param timeout how long one tool command may run (default 60 s)
 */
public record BackupToolOptions(BackupTool tool, String name, List<Path> files, List<String> program,
    Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public BackupToolOptions {
    if (tool == null) throw new IllegalArgumentException("backup tool missing");
    name = name == null || name.isBlank() ? null : name.strip();
    files = List.copyOf(files == null ? List.of() : files);
    program = program == null || program.isEmpty() ? List.of(tool.id()) : List.copyOf(program);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0");
  }

  /** Runs the tool itself, by its name on PATH. */
  public static BackupToolOptions of(BackupTool tool, String name) {
    return new BackupToolOptions(tool, name, List.of(), null, null);
  }

  public BackupToolOptions withFiles(List<Path> f) {
    return new BackupToolOptions(tool, name, f, program, timeout);
  }

  public BackupToolOptions withProgram(List<String> p) {
    return new BackupToolOptions(tool, name, files, p, timeout);
  }

  public BackupToolOptions withTimeout(Duration t) {
    return new BackupToolOptions(tool, name, files, program, t);
  }

  /**
   * One read-only command of the tool.
   *
   * @param role     which output it prints (a {@link ToolOutput.Role})
   * @param argv     the full argument vector
   * @param required whether the catalogue cannot be built without it
   */
  public record Command(ToolOutput.Role role, List<String> argv, boolean required) {
    public Command {
      argv = List.copyOf(argv);
    }
  }

  /**
   * The commands that give the catalogue, in order (Barman's show-backup of the newest backup is added by the
   * collector once it knows the backup id):
   * <ul>
   *   <li>pgbackrest: {@code [--stanza=NAME] --output=json info}</li>
   *   <li>wal-g: {@code backup-list --detail --json}; {@code wal-verify integrity timeline --json} (optional)</li>
   *   <li>barman: {@code -f json list-backups NAME|all}; {@code -f json check NAME|all} (optional)</li>
   *   <li>pg_probackup: {@code show [--instance NAME] --format=json}; {@code show [--instance NAME] --archive
   *       --format=json} (optional). pg_probackup wants its command first, so it goes right after the word of
   *       {@link #program()} that names pg_probackup (the first word when none does): the backup catalog
   *       ({@code -B DIR}) can be given in the program or in {@code BACKUP_PATH}.</li>
   * </ul>
   */
  public List<Command> commands() {
    String target = name == null ? "all" : name;
    return switch (tool) {
      case PGBACKREST -> List.of(new Command(ToolOutput.Role.PGBACKREST_INFO,
          append(name == null ? List.of("--output=json", "info") : List.of("--stanza=" + name, "--output=json", "info")),
          true));
      case WAL_G -> List.of(
          new Command(ToolOutput.Role.WALG_BACKUP_LIST, append(List.of("backup-list", "--detail", "--json")), true),
          new Command(ToolOutput.Role.WALG_WAL_VERIFY,
              append(List.of("wal-verify", "integrity", "timeline", "--json")), false));
      case BARMAN -> List.of(
          new Command(ToolOutput.Role.BARMAN_LIST_BACKUPS, append(List.of("-f", "json", "list-backups", target)), true),
          new Command(ToolOutput.Role.BARMAN_CHECK, append(List.of("-f", "json", "check", target)), false));
      case PG_PROBACKUP -> List.of(
          new Command(ToolOutput.Role.PROBACKUP_SHOW, probackup(false), true),
          new Command(ToolOutput.Role.PROBACKUP_ARCHIVE, probackup(true), false));
    };
  }

  /** Barman's show-backup of one backup. */
  public Command barmanShowBackup(String server, String backupId) {
    return new Command(ToolOutput.Role.BARMAN_SHOW_BACKUP,
        append(List.of("-f", "json", "show-backup", server, backupId)), false);
  }

  private List<String> append(List<String> args) {
    List<String> argv = new ArrayList<>(program);
    argv.addAll(args);
    return argv;
  }

  private List<String> probackup(boolean archive) {
    int at = 0;
    for (int i = 0; i < program.size(); i++) {
      String word = program.get(i);
      if (word.substring(word.lastIndexOf('/') + 1).startsWith("pg_probackup")) {
        at = i;
        break;
      }
    }
    List<String> argv = new ArrayList<>(program.subList(0, at + 1));
    argv.add("show");
    argv.addAll(program.subList(at + 1, program.size()));
    if (name != null) argv.addAll(List.of("--instance", name));
    if (archive) argv.add("--archive");
    argv.add("--format=json");
    return argv;
  }
}
