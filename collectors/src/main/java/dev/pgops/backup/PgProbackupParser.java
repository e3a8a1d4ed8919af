package dev.pgops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * pg_probackup: {@code show --format=json} ({@code [{instance, backups[]}]}) and, optionally,
 * {@code show --archive --format=json} ({@code [{instance, timelines[]}]}); one catalog per instance.
 *
 * <ul>
 *   <li>Status OK and DONE are restorable ({@code ok}); RUNNING is {@code running}, CORRUPT {@code corrupt}, ERROR
 *       {@code failed}; MERGING, MERGED, DELETING and ORPHAN (a parent is corrupt or missing) stay as the tool says,
 *       in lower case.</li>
 *   <li>FULL is a full backup; PAGE, DELTA and PTRACK are incremental, with {@code parent-backup-id}.</li>
 *   <li>{@code program-version} must be 2.x (the JSON this parser knows).</li>
 *   <li>Archive: min / max over the timelines. A DEGRADED timeline lists {@code lost-segments}; a lost range that
 *       ends before the start of the oldest restorable backup on its timeline only limits how far back PITR can go
 *       ({@code warning}); any other lost range breaks restores ({@code failure}). The backup's start segment is
 *       derived from its start LSN with the default 16 MiB segment size (pg_probackup's JSON does not carry it).</li>
 * </ul>
 */
public final class PgProbackupParser {
  public static final String SHOW = "pg_probackup show --format=json";
  public static final String SHOW_ARCHIVE = "pg_probackup show --archive --format=json";
  private static final int SEGMENT_SHIFT = 24; // 16 MiB WAL segments
  private static final Pattern SEGNO = Pattern.compile("^[0-9A-F]{16}$");
  private static final Pattern LSN = Pattern.compile("^[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}$");

  private PgProbackupParser() {}

  /**
   * @param show     the show array
   * @param archive  the show --archive array, or null
   * @param instance keep only this instance, or null for all
   */
  public static List<BackupCatalog> parse(JsonNode show, JsonNode archive, String instance, String source) {
    JsonAt top = JsonAt.root(SHOW + " (" + source + ")", show);
    if (!show.isArray()) throw top.unsupported("expected a JSON array of instances, found " + JsonAt.kind(show));
    Map<String, JsonAt> timelines = new HashMap<>();
    if (archive != null) {
      JsonAt arch = JsonAt.root(SHOW_ARCHIVE + " (" + source + ")", archive);
      if (!archive.isArray()) throw arch.unsupported("expected a JSON array of instances, found " + JsonAt.kind(archive));
      for (JsonAt i : arch.elements()) {
        i.requireObject();
        if (!i.has("timelines")) throw i.at("timelines").unsupported("missing (is this show without --archive?)");
        timelines.put(i.text("instance"), i);
      }
    }
    List<BackupCatalog> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonAt i : top.elements()) {
      i.requireObject();
      String name = i.text("instance");
      names.add(name);
      if (instance != null && !instance.equals(name)) continue;
      if (!i.has("backups")) throw i.at("backups").unsupported("missing (is this show --archive output?)");
      out.add(instance(name, i, timelines.get(name), source));
    }
    if (instance != null && out.isEmpty()) {
      throw new BackupToolException("pg_probackup instance '" + instance + "' is not in " + SHOW + " (" + source
          + "), instances: " + String.join(", ", names));
    }
    return out;
  }

  private static BackupCatalog instance(String name, JsonAt show, JsonAt archive, String source) {
    List<Backup> backups = new ArrayList<>();
    for (JsonAt b : show.array("backups")) backups.add(backup(b.requireObject()));
    backups.sort(Comparator.comparing(Backup::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Backup::id));
    Backup newest = backups.isEmpty() ? null : backups.get(backups.size() - 1);
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    raw.set("show", show.node());
    if (archive != null) raw.set("archive", archive.node());
    return new BackupCatalog(BackupTool.PG_PROBACKUP.id(), name, source, "ok", "", null,
        newest == null ? null : newest.pgMajor(), backups,
        archive == null ? WalArchive.unknown() : archive(archive, backups), List.of(), raw);
  }

  private static Backup backup(JsonAt b) {
    String version = b.optText("program-version");
    Integer programMajor = ToolValues.majorOfVersion(version);
    if (version != null && (programMajor == null || programMajor != 2)) {
      throw b.at("program-version").unsupported("pg_probackup " + version + "; this pgops reads pg_probackup 2.x");
    }
    String mode = b.text("backup-mode");
    String kind = switch (mode) {
      case "FULL" -> "full";
      case "PAGE", "DELTA", "PTRACK" -> "incremental";
      default -> throw b.at("backup-mode").unsupported("'" + mode + "' is not FULL, PAGE, DELTA or PTRACK");
    };
    return new Backup(b.text("id"), kind, status(b.text("status")), ToolValues.probackupTime(b, "start-time"),
        ToolValues.probackupTime(b, "end-time"), b.optText("start-lsn"), b.optText("stop-lsn"), null, null,
        b.optLong("pgdata-bytes"), b.optLong("uncompressed-bytes"), b.optLong("data-bytes"), null,
        ToolValues.majorOfVersion(b.optText("server-version")), b.optText("parent-backup-id"), List.of());
  }

  private static String status(String s) {
    return switch (s) {
      case "OK", "DONE" -> "ok";
      case "RUNNING" -> "running";
      case "CORRUPT" -> "corrupt";
      case "ERROR" -> "failed";
      default -> s.toLowerCase(Locale.ROOT);
    };
  }

  private static WalArchive archive(JsonAt instance, List<Backup> backups) {
    List<String> mins = new ArrayList<>();
    List<String> maxes = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    boolean failure = false;
    for (JsonAt t : instance.array("timelines")) {
      t.requireObject();
      long tli = t.longValue("tli");
      mins.add(walName(t, "min-segno", tli));
      maxes.add(walName(t, "max-segno", tli));
      String status = t.text("status");
      if (!status.equals("OK") && !status.equals("DEGRADED")) {
        throw t.at("status").unsupported("'" + status + "' is not OK or DEGRADED");
      }
      Long oldestStart = oldestRestorableStartSegment(t, backups, tli);
      for (JsonAt lost : t.optArray("lost-segments")) {
        lost.requireObject();
        String begin = walName(lost, "begin-segno", tli);
        String end = walName(lost, "end-segno", tli);
        if (begin == null) throw lost.at("begin-segno").missing();
        if (end == null) throw lost.at("end-segno").missing();
        boolean beforeBackups = oldestStart != null && segment(end) < oldestStart;
        failure |= !beforeBackups;
        gaps.add("timeline " + tli + ": " + begin + " – " + end + " lost"
            + (beforeBackups ? " (before the oldest restorable backup on this timeline)" : ""));
      }
      if (status.equals("DEGRADED") && t.optArray("lost-segments").isEmpty()) {
        failure = true;
        gaps.add("timeline " + tli + ": DEGRADED (segments lost)");
      }
    }
    String continuity = gaps.isEmpty() ? "ok" : failure ? "failure" : "warning";
    return new WalArchive(ToolValues.minWal(mins), ToolValues.maxWal(maxes), continuity, gaps);
  }

  /** Start segment (log * 256 + seg) of the oldest OK/DONE backup on timeline {@code tli}, or null when none. */
  private static Long oldestRestorableStartSegment(JsonAt timeline, List<Backup> backups, long tli) {
    List<String> lsns = new ArrayList<>();
    for (JsonAt b : timeline.optArray("backups")) {
      String st = b.node().path("status").asText("");
      if (st.equals("OK") || st.equals("DONE")) lsns.add(b.node().path("start-lsn").asText(null));
    }
    if (lsns.isEmpty()) {
      // show --archive without per-timeline backups: use show's restorable backups (their timeline is not known)
      backups.stream().filter(Backup::restorable).forEach(b -> lsns.add(b.startLsn()));
    }
    return lsns.stream().filter(l -> l != null && LSN.matcher(l).matches()).map(PgProbackupParser::lsnSegment)
        .min(Long::compare).orElse(null);
  }

  private static long lsnSegment(String lsn) {
    int slash = lsn.indexOf('/');
    long hi = Long.parseLong(lsn.substring(0, slash), 16);
    long lo = Long.parseLong(lsn.substring(slash + 1), 16);
    return (hi << (32 - SEGMENT_SHIFT)) + (lo >>> SEGMENT_SHIFT);
  }

  /** log * 256 + seg of a 24-character WAL file name. */
  private static long segment(String walName) {
    return (Long.parseLong(walName.substring(8, 16), 16) << (32 - SEGMENT_SHIFT))
        + Long.parseLong(walName.substring(16, 24), 16);
  }

  /** A 24-character WAL file name: newer versions print one, older ones the 16-character segment number only. */
  private static String walName(JsonAt parent, String key, long tli) {
    String segno = parent.optText(key);
    if (segno == null || segno.isEmpty()) return null;
    String up = segno.toUpperCase(Locale.ROOT);
    if (ToolValues.isWalName(up)) return up;
    if (SEGNO.matcher(up).matches()) return String.format(Locale.ROOT, "%08X", tli) + up;
    throw parent.at(key).unsupported("'" + segno + "' is not a WAL segment number");
  }
}
