package dev.pgops.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.backup.PgBackRestParser;
import dev.pgops.backup.UnsupportedFormatException;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two pgBackRest commands a drill runs, both read-only on the repository: {@code info --output=json} (which
 * backups the stanza has, its PostgreSQL major and system identifier) and {@code restore} into the scratch
 * directory ({@code --pg1-path}), with {@code --archive-mode=off} so the restored cluster never archives into the
 * repository. A drill never runs {@code backup}, {@code expire}, {@code archive-push} or {@code stanza-*}.
 */
final class PgBackRest {
  private static final Pattern RESTORED_SET = Pattern.compile("restore backup set (\\S+?)[,\\s]");
  private static final DateTimeFormatter TARGET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String exe;
  private final Path config;
  private final String stanza;

  PgBackRest(String exe, Path config, String stanza) {
    this.exe = exe;
    this.config = config;
    this.stanza = stanza;
  }

  /**
   * The backup a restore picks: {@code set} when given (null when the stanza has no such set); else the newest one
   * that ended by {@code target}, or the newest of all (pgBackRest's choice). {@code backups} are oldest first, as
   * the catalogue lists them.
   */
  static Backup pick(List<Backup> backups, String set, Instant target) {
    if (set != null) return backups.stream().filter(b -> b.id().equals(set)).findFirst().orElse(null);
    Backup best = null;
    for (Backup b : backups) {
      if (target == null || b.stoppedAt() == null || !b.stoppedAt().isAfter(target)) best = b;
    }
    return best != null || backups.isEmpty() ? best : backups.get(backups.size() - 1);
  }

  private List<String> base() {
    List<String> cmd = new ArrayList<>();
    cmd.add(exe);
    if (config != null) cmd.add("--config=" + config);
    cmd.add("--stanza=" + stanza);
    return cmd;
  }

  /**
   * {@code info --output=json}, read by the collectors' {@link PgBackRestParser} (the catalogue a snapshot holds);
   * a stanza pgBackRest reports as not ok, or one without a database, is a failure naming its status.
   */
  BackupCatalog info(Duration timeout, StringBuilder log) throws DrillFailure {
    List<String> cmd = base();
    cmd.add("--output=json");
    cmd.add("info");
    Processes.Result r = run(cmd, timeout, log);
    if (!r.ok()) throw new DrillFailure("pgbackrest info failed: " + r.errorLine());
    List<BackupCatalog> catalogs;
    try {
      int start = r.output().indexOf('[');
      JsonNode root = SnapshotJson.mapper().readTree(start < 0 ? r.output() : r.output().substring(start));
      catalogs = PgBackRestParser.parse(root, "command " + String.join(" ", cmd));
    } catch (IOException e) {
      throw new DrillFailure("pgbackrest info: unsupported format: not JSON (" + DrillRecords.oneLine(e.getMessage()) + ")");
    } catch (UnsupportedFormatException e) {
      throw new DrillFailure(DrillRecords.oneLine(e.getMessage()));
    }
    BackupCatalog c = catalogs.stream().filter(x -> stanza.equals(x.name())).findFirst()
        .orElseThrow(() -> new DrillFailure("pgbackrest info: unsupported format: no stanza '" + stanza + "' in the output"));
    if (!c.ok()) throw new DrillFailure("pgBackRest stanza '" + stanza + "': " + c.statusMessage());
    if (c.pgMajor() == null) throw new DrillFailure("pgBackRest stanza '" + stanza + "': no database in the info output");
    return c;
  }

  /**
   * {@code restore} into {@code pgPath}: the latest backup (or {@code set}), recovering to the end of the archived
   * WAL, or to {@code target} and then promoting. Tablespaces go under {@code tablespaces}
   * ({@code --tablespace-map-all}) and other symlinks become directories (no {@code --link-all}), so nothing is
   * written outside the scratch directory. Returns the backup set pgBackRest restored.
   */
  String restore(Path pgPath, Path tablespaces, String set, Instant target, int major, Duration timeout,
      StringBuilder log) throws DrillFailure {
    List<String> cmd = base();
    cmd.add("--pg1-path=" + pgPath);
    cmd.add("--tablespace-map-all=" + tablespaces);
    if (major >= 12) cmd.add("--archive-mode=off");
    cmd.add("--log-level-console=info");
    if (set != null) cmd.add("--set=" + set);
    if (target != null) {
      cmd.add("--type=time");
      cmd.add("--target=" + TARGET.format(target));
      cmd.add("--target-action=promote");
    }
    cmd.add("restore");
    Processes.Result r = run(cmd, timeout, log);
    if (!r.ok()) throw new DrillFailure("pgbackrest restore failed: " + r.errorLine());
    Matcher m = RESTORED_SET.matcher(r.output() + " ");
    return m.find() ? m.group(1) : set;
  }

  private Processes.Result run(List<String> cmd, Duration timeout, StringBuilder log) throws DrillFailure {
    log.append("$ ").append(String.join(" ", cmd)).append('\n');
    try {
      Processes.Result r = Processes.run(cmd, timeout);
      log.append(r.output()).append(r.output().endsWith("\n") ? "" : "\n").append("(exit ").append(r.exit()).append(")\n\n");
      return r;
    } catch (IOException e) {
      throw new DrillFailure("cannot run " + exe + ": " + e.getMessage());
    }
  }

  /** The format pgBackRest's {@code --target} (and so {@code recovery_target_time}) takes, in UTC. */
  static String targetText(Instant t) {
    return TARGET.format(t);
  }
}
