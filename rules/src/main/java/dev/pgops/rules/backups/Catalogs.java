package dev.pgops.rules.backups;

import dev.pgops.findings.Location;
import dev.pgops.rules.RuleContext;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the backup-tool rules (and the report's backup section) share: the catalogues of the snapshot (or "not evaluated"), display names, locations,
 * and the backups as they stood at the collection time. A backup that ended after the collection time did not exist
 * yet then and is left out, so every verdict depends on the snapshot's clock only.
 */
public final class Catalogs {
  /** Normalised or tool words for a backup that is still being taken. */
  static final Set<String> IN_PROGRESS = Set.of("running", "started", "waiting_for_wals", "merging", "syncing");
  /** Normalised or tool words for a backup that ended without a restorable result. */
  static final Set<String> FAILED = Set.of("failed", "error", "orphan", "corrupt");

  private Catalogs() {}

  /** The catalogues, or "not evaluated" when the section is unavailable or lists none. */
  static List<BackupCatalog> require(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> all = ctx.require(s.backupTools(), "backup tools");
    if (all.isEmpty()) throw ctx.notEvaluated("the snapshot lists no backup tool catalogue");
    return all;
  }

  /** "pgBackRest stanza 'main'", "WAL-G", "Barman server 'pg'", "pg_probackup instance 'main'". */
  public static String label(BackupCatalog c) {
    String name = c.name() == null ? "" : c.name();
    return switch (c.tool().toLowerCase(Locale.ROOT)) {
      case "pgbackrest" -> "pgBackRest stanza '" + name + "'";
      case "wal-g" -> "WAL-G" + (name.isEmpty() ? "" : " '" + name + "'");
      case "barman" -> "Barman server '" + name + "'";
      case "pg_probackup" -> "pg_probackup instance '" + name + "'";
      default -> c.tool() + (name.isEmpty() ? "" : " '" + name + "'");
    };
  }

  /** "pgbackrest/main" ("wal-g" when the name is empty): the stable key of a catalogue. */
  public static String key(BackupCatalog c) {
    return c.name() == null || c.name().isEmpty() ? c.tool() : c.tool() + "/" + c.name();
  }

  static Location location(BackupCatalog c) {
    return Location.object("backup-catalog", null, key(c));
  }

  static Location location(BackupCatalog c, Backup b) {
    return Location.object("backup", null, key(c) + "/" + b.id());
  }

  /** When the backup ended (or started, when the tool gives no end). */
  public static Instant end(Backup b) {
    return b.stoppedAt() != null ? b.stoppedAt() : b.startedAt();
  }

  /** The backups that existed at {@code now}: started (or ended) no later than it. */
  static List<Backup> asOf(BackupCatalog c, Instant now) {
    List<Backup> out = new ArrayList<>();
    for (Backup b : c.backups()) {
      Instant t = b.startedAt() != null ? b.startedAt() : b.stoppedAt();
      if (t != null && !t.isAfter(now)) out.add(b);
    }
    return out;
  }

  /** Restorable backups that had ended by {@code now}, oldest first. */
  static List<Backup> completed(BackupCatalog c, Instant now) {
    return c.backups().stream()
        .filter(Backup::restorable)
        .filter(b -> end(b) != null && !end(b).isAfter(now))
        .sorted(Comparator.comparing(Catalogs::end))
        .toList();
  }

  /** The backups grouped by kind, in the order the kinds first appear, each group in the given order. */
  static Map<String, List<Backup>> byKind(List<Backup> backups) {
    Map<String, List<Backup>> out = new LinkedHashMap<>();
    for (Backup b : backups) out.computeIfAbsent(kind(b), k -> new ArrayList<>()).add(b);
    return out;
  }

  static Optional<Backup> newest(List<Backup> sortedOldestFirst) {
    return sortedOldestFirst.isEmpty() ? Optional.empty() : Optional.of(sortedOldestFirst.get(sortedOldestFirst.size() - 1));
  }

  public static boolean inProgress(Backup b) {
    return IN_PROGRESS.contains(lower(b.status()));
  }

  public static boolean failed(Backup b) {
    return FAILED.contains(lower(b.status()));
  }

  /** Duration of a completed backup, when both ends are known. */
  static Optional<Duration> duration(Backup b) {
    if (b.startedAt() == null || b.stoppedAt() == null || b.stoppedAt().isBefore(b.startedAt())) return Optional.empty();
    return Optional.of(Duration.between(b.startedAt(), b.stoppedAt()));
  }

  static String kind(Backup b) {
    return b.kind() == null ? "unknown" : b.kind();
  }

  /** "full backup", "differential backup", "incremental backup". */
  static String kindLabel(String kind) {
    return kind + " backup";
  }

  /** The tool's command to take a backup of this kind now, for remediation text. */
  static String backupCommand(BackupCatalog c, String kind) {
    String name = shell(c.name() == null ? "" : c.name());
    boolean full = "full".equals(kind);
    return switch (c.tool().toLowerCase(Locale.ROOT)) {
      case "pgbackrest" -> "pgbackrest --stanza=" + name + " backup --type=" + (full ? "full" : "diff".equals(abbrev(kind)) ? "diff" : "incr");
      case "wal-g" -> "wal-g backup-push \"$PGDATA\"" + (full ? " --full" : "");
      case "barman" -> "barman backup " + name;
      case "pg_probackup" -> "pg_probackup backup -B \"$BACKUP_DIR\" --instance=" + name + " -b " + (full ? "FULL" : "DELTA");
      default -> "# take a " + kind + " backup with " + c.tool();
    };
  }

  /** The tool's command that lists its catalogue, to look at what pgops read. */
  static String infoCommand(BackupCatalog c) {
    String name = shell(c.name() == null ? "" : c.name());
    return switch (c.tool().toLowerCase(Locale.ROOT)) {
      case "pgbackrest" -> "pgbackrest --stanza=" + name + " info";
      case "wal-g" -> "wal-g backup-list --detail";
      case "barman" -> "barman list-backups " + name + "; barman check " + name;
      case "pg_probackup" -> "pg_probackup show -B \"$BACKUP_DIR\" --instance=" + name;
      default -> "# list the catalogue with " + c.tool();
    };
  }

  private static String abbrev(String kind) {
    return "differential".equals(kind) ? "diff" : kind;
  }

  /** A name as one shell word: as it is when plain, else single-quoted. */
  static String shell(String s) {
    if (s == null) return "''";
    if (s.matches("[A-Za-z0-9_.,:@%+=/-]+")) return s;
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  /** The median of some durations (the mean of the middle two for an even count). */
  static Duration median(List<Duration> values) {
    List<Duration> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) return Duration.ZERO;
    if (n % 2 == 1) return sorted.get(n / 2);
    return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }
}
