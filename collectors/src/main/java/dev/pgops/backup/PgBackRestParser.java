package dev.pgops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code pgbackrest --output=json info}: a JSON array of stanzas, one {@link BackupCatalog} each.
 *
 * <ul>
 *   <li>Stanza {@code status.code} 0 is {@code ok}; 1–6 and 99 are {@code error} with the message
 *       {@code code N: <pgBackRest's message>} (for 99 and 4 the repos' own messages follow, since pgBackRest puts the
 *       real error, {@code [ErrorType] message}, on the repo). A held backup lock adds "backup/expire running" to the
 *       message and a check {@value #BACKUP_LOCK_CHECK} (ok: a running backup is not a failure) whose message says how
 *       far it got; rules use it for stuck backups.</li>
 *   <li>Each {@code repo[]} becomes a check {@code repo<key>}, ok when its status code is 0.</li>
 *   <li>{@code db[]}: the entry with the highest id is the current database: its {@code system-id} (an unsigned
 *       64-bit number, read exactly) and {@code version} become the catalog's; each backup takes those of the db
 *       entry it references.</li>
 *   <li>{@code archive[]} entries of the current database give the archive's min and max segment; info says nothing
 *       about gaps, so continuity is {@code unknown}.</li>
 *   <li>{@code backup[]}: every listed backup is complete ({@code ok}); {@code error: true} (page checksum errors)
 *       is kept in {@code errors}, with {@code error-list} when present. {@code backrest.format} must be 5.</li>
 * </ul>
 */
public final class PgBackRestParser {
  public static final String COMMAND = "pgbackrest info";
  public static final String BACKUP_LOCK_CHECK = "backup-lock";
  static final long REPO_FORMAT = 5;

  private static final Map<Long, String> STATUS_CODES = Map.of(
      0L, "ok", 1L, "missing stanza path", 2L, "no valid backups", 3L, "missing stanza data",
      4L, "different across repos", 5L, "database mismatch across repos", 6L, "requested backup not found",
      99L, "other");

  private PgBackRestParser() {}

  /** One catalog per stanza of {@code root}, which must be the JSON array {@code info --output=json} prints. */
  public static List<BackupCatalog> parse(JsonNode root, String source) {
    JsonAt top = JsonAt.root(COMMAND + " (" + source + ")", root);
    if (!root.isArray()) throw top.unsupported("expected a JSON array of stanzas, found " + JsonAt.kind(root));
    List<BackupCatalog> out = new ArrayList<>();
    for (JsonAt stanza : top.elements()) out.add(stanza(stanza.requireObject(), source));
    return out;
  }

  private record Db(long id, Long repoKey, String systemId, Integer major) {}

  private static BackupCatalog stanza(JsonAt st, String source) {
    String name = st.text("name");
    JsonAt status = st.object("status");
    long code = status.longValue("code");
    String message = ToolValues.line(status.text("message"));
    List<ToolCheck> checks = new ArrayList<>();
    List<String> repoErrors = new ArrayList<>();
    for (JsonAt repo : st.optArray("repo")) {
      long key = repo.requireObject().longValue("key");
      JsonAt rs = repo.object("status");
      long rc = rs.longValue("code");
      String rm = ToolValues.line(rs.text("message"));
      checks.add(new ToolCheck("repo" + key, rc == 0, rc == 0 ? rm : "code " + rc + ": " + rm));
      if (rc != 0) repoErrors.add("repo" + key + ": " + rm);
    }
    String lockNote = backupLock(status, checks);

    List<Db> dbs = new ArrayList<>();
    for (JsonAt db : st.optArray("db")) {
      db.requireObject();
      dbs.add(new Db(db.longValue("id"), db.optLong("repo-key"), systemId(db.optUnsigned("system-id")),
          ToolValues.majorOfVersion(db.optText("version"))));
    }
    Db current = dbs.stream().max(Comparator.comparingLong(Db::id)).orElse(null);

    List<Backup> backups = new ArrayList<>();
    for (JsonAt b : st.optArray("backup")) backups.add(backup(b.requireObject(), dbs));
    backups.sort(Comparator.comparing(Backup::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));

    List<String> mins = new ArrayList<>();
    List<String> maxes = new ArrayList<>();
    for (JsonAt a : st.optArray("archive")) {
      a.requireObject();
      long dbId = a.object("database").longValue("id");
      String min = a.optText("min");
      String max = a.optText("max");
      if (current == null || dbId == current.id()) {
        mins.add(min);
        maxes.add(max);
      }
    }
    WalArchive archive = new WalArchive(ToolValues.minWal(mins), ToolValues.maxWal(maxes), "unknown", List.of());

    String statusMessage = "";
    if (code != 0) {
      String known = STATUS_CODES.getOrDefault(code, "unknown status code");
      statusMessage = "code " + code + ": " + (message.isEmpty() ? known : message);
      if (!repoErrors.isEmpty()) statusMessage += " (" + String.join("; ", repoErrors) + ")";
    }
    if (lockNote != null) statusMessage = statusMessage.isEmpty() ? lockNote : statusMessage + "; " + lockNote;
    return new BackupCatalog(BackupTool.PGBACKREST.id(), name, source, code == 0 ? "ok" : "error", statusMessage,
        current == null ? null : current.systemId(), current == null ? null : current.major(), backups, archive,
        checks, st.node());
  }

  /** A check for a held backup lock (with the progress pgBackRest reports), and the note for the status message. */
  private static String backupLock(JsonAt status, List<ToolCheck> checks) {
    JsonAt lock = status.optObject("lock");
    JsonAt backup = lock == null ? null : lock.optObject("backup");
    if (backup == null || !backup.bool("held")) return null;
    Long size = backup.optLong("size");
    Long done = backup.optLong("size-cplt");
    String progress = size != null && done != null && size > 0
        ? String.format(java.util.Locale.ROOT, ", %d of %d bytes done (%.1f %%)", done, size, 100.0 * done / size)
        : "";
    checks.add(new ToolCheck(BACKUP_LOCK_CHECK, true, "held: backup/expire running" + progress));
    return "backup/expire running";
  }

  private static Backup backup(JsonAt b, List<Db> dbs) {
    String label = b.text("label");
    String type = b.text("type");
    String kind = switch (type) {
      case "full" -> "full";
      case "diff" -> "differential";
      case "incr" -> "incremental";
      default -> throw b.at("type").unsupported("'" + type + "' is not a pgBackRest backup type (full, diff, incr)");
    };
    JsonAt backrest = b.object("backrest");
    long format = backrest.longValue("format");
    if (format != REPO_FORMAT) {
      throw backrest.at("format").unsupported("repository format " + format + " (pgBackRest "
          + backrest.optText("version") + "); this pgops reads format " + REPO_FORMAT);
    }
    JsonAt ts = b.object("timestamp");
    Instant start = Instant.ofEpochSecond(ts.longValue("start"));
    Long stopSec = ts.optLong("stop");
    JsonAt archive = b.optObject("archive");
    JsonAt lsn = b.optObject("lsn");
    JsonAt info = b.object("info");
    JsonAt repo = info.optObject("repository");
    JsonAt database = b.object("database");
    long dbId = database.longValue("id");
    Long repoKey = database.optLong("repo-key");
    Db db = dbs.stream().filter(d -> d.id() == dbId && (repoKey == null || d.repoKey() == null
        || repoKey.equals(d.repoKey()))).findFirst().orElse(null);
    List<String> errors = new ArrayList<>();
    if (Boolean.TRUE.equals(b.optBool("error"))) {
      List<String> files = new ArrayList<>();
      for (JsonAt f : b.optArray("error-list")) files.add(f.node().isTextual() ? f.node().textValue() : f.node().toString());
      errors.add("page checksum errors" + (files.isEmpty() ? "" : " in " + String.join(", ", files)));
    }
    return new Backup(label, kind, "ok", start, stopSec == null ? null : Instant.ofEpochSecond(stopSec),
        lsn == null ? null : lsn.optText("start"), lsn == null ? null : lsn.optText("stop"),
        archive == null ? null : archive.optText("start"), archive == null ? null : archive.optText("stop"),
        info.optLong("size"), info.optLong("delta"), repo == null ? null : repo.optLong("delta"),
        db == null ? null : db.systemId(), db == null ? null : db.major(), b.optText("prior"), errors);
  }

  private static String systemId(BigInteger v) {
    return v == null ? null : v.toString();
  }
}
