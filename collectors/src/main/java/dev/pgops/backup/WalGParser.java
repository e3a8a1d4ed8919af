package dev.pgops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * WAL-G: {@code wal-g backup-list --detail --json} (an array, one object per completed backup) and, optionally,
 * {@code wal-g wal-verify integrity timeline --json}.
 *
 * <ul>
 *   <li>{@code start_lsn} / {@code finish_lsn} are unsigned 64-bit numbers, formatted as {@code X/Y};
 *       {@code system_identifier} is an unsigned 64-bit number above 2^53, read exactly.</li>
 *   <li>A name with {@code _D_<segment>} is a delta backup ({@code incremental}); its parent is the listed backup
 *       whose WAL file is that segment, else {@code base_<segment>}.</li>
 *   <li>WAL-G lists completed backups only, so every backup is {@code ok}; a failed backup-push leaves no trace.</li>
 *   <li>wal-verify: integrity OK / WARNING / FAILURE is the archive's continuity ok / warning / failure; every
 *       range that is not FOUND is a gap ("lost" for MISSING_LOST, else "delayed" / "uploading"). The timeline
 *       check becomes the check {@code timeline}, failing on FAILURE (storage holds a higher timeline than the
 *       cluster: split brain).</li>
 * </ul>
 */
public final class WalGParser {
  public static final String BACKUP_LIST = "wal-g backup-list --detail --json";
  public static final String WAL_VERIFY = "wal-g wal-verify integrity timeline --json";

  private WalGParser() {}

  /**
   * @param backupList the backup-list array
   * @param walVerify  the wal-verify object, or null when not available
   * @param name       the storage prefix or any label for this catalogue ("" when none)
   */
  public static BackupCatalog parse(JsonNode backupList, JsonNode walVerify, String name, String source) {
    JsonAt top = JsonAt.root(BACKUP_LIST + " (" + source + ")", backupList);
    if (!backupList.isArray()) {
      throw top.unsupported("expected a JSON array of backups, found " + JsonAt.kind(backupList));
    }
    List<JsonAt> items = top.elements();
    List<Backup> backups = new ArrayList<>();
    for (JsonAt b : items) backups.add(backup(b.requireObject(), items));
    backups.sort(Comparator.comparing(Backup::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Backup::id));
    Backup newest = backups.stream()
        .max(Comparator.comparing(Backup::stoppedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .orElse(null);

    List<ToolCheck> checks = new ArrayList<>();
    WalArchive archive = walVerify == null ? WalArchive.unknown()
        : walVerify(JsonAt.root(WAL_VERIFY + " (" + source + ")", walVerify), checks);
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    raw.set("backup-list", backupList);
    if (walVerify != null) raw.set("wal-verify", walVerify);
    return new BackupCatalog(BackupTool.WAL_G.id(), name == null ? "" : name, source, "ok", "",
        newest == null ? null : newest.systemIdentifier(), newest == null ? null : newest.pgMajor(), backups, archive,
        checks, raw);
  }

  private static Backup backup(JsonAt b, List<JsonAt> all) {
    String name = b.text("backup_name");
    if (!b.has("start_lsn")) {
      throw b.at("start_lsn").unsupported("missing (backup-list without --detail prints no LSNs, sizes or times)");
    }
    String startLsn = ToolValues.lsn(b.unsigned("start_lsn"));
    String finishLsn = ToolValues.lsn(b.unsigned("finish_lsn"));
    BigInteger sysId = b.optUnsigned("system_identifier");
    Long pgVersion = b.optLong("pg_version");
    int delta = name.indexOf("_D_");
    String parent = null;
    if (delta >= 0) {
      String base = name.substring(delta + 3);
      parent = all.stream().filter(o -> base.equals(o.node().path("wal_file_name").asText(null)))
          .map(o -> o.node().path("backup_name").asText()).findFirst().orElse("base_" + base);
    }
    return new Backup(name, delta >= 0 ? "incremental" : "full", "ok", ToolValues.rfc3339(b, "start_time"),
        ToolValues.rfc3339(b, "finish_time"), startLsn, finishLsn, b.optText("wal_file_name"), null,
        delta >= 0 ? null : b.optLong("uncompressed_size"), b.optLong("uncompressed_size"), b.optLong("compressed_size"),
        sysId == null ? null : sysId.toString(),
        pgVersion == null || pgVersion == 0 ? null : ToolValues.majorOfVersionNum(pgVersion), parent, List.of());
  }

  private static WalArchive walVerify(JsonAt root, List<ToolCheck> checks) {
    root.requireObject();
    if (!root.has("integrity") && !root.has("timeline")) {
      throw root.unsupported("expected the keys integrity and timeline, found neither");
    }
    JsonAt timeline = root.optObject("timeline");
    if (timeline != null) {
      String st = checkStatus(timeline);
      JsonAt d = timeline.optObject("details");
      String detail = d == null ? "" : ": current timeline " + d.longValue("current_timeline_id")
          + ", highest timeline in storage " + d.longValue("highest_storage_timeline_id");
      checks.add(new ToolCheck("timeline", !"FAILURE".equals(st), st + detail));
    }
    JsonAt integrity = root.optObject("integrity");
    if (integrity == null) return WalArchive.unknown();
    String st = checkStatus(integrity);
    List<String> gaps = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (JsonAt r : integrity.optArray("details")) {
      r.requireObject();
      long tli = r.longValue("timeline_id");
      String start = r.text("start_segment");
      String end = r.text("end_segment");
      String status = r.text("status");
      long count = r.longValue("segments_count");
      switch (status) {
        case "FOUND" -> {
          found.add(start);
          found.add(end);
        }
        case "MISSING_LOST", "MISSING_DELAYED", "MISSING_UPLOADING" -> gaps.add("timeline " + tli + ": " + start
            + " – " + end + " " + status.substring("MISSING_".length()).toLowerCase(Locale.ROOT) + " (" + count
            + (count == 1 ? " segment)" : " segments)"));
        default -> throw r.at("status").unsupported("'" + status
            + "' is not a wal-verify segment status (FOUND, MISSING_DELAYED, MISSING_UPLOADING, MISSING_LOST)");
      }
    }
    String continuity = switch (st) {
      case "OK" -> "ok";
      case "WARNING" -> "warning";
      default -> "failure";
    };
    return new WalArchive(ToolValues.minWal(found), ToolValues.maxWal(found), continuity, gaps);
  }

  private static String checkStatus(JsonAt check) {
    String st = check.text("status");
    if (!st.equals("OK") && !st.equals("WARNING") && !st.equals("FAILURE")) {
      throw check.at("status").unsupported("'" + st + "' is not a wal-verify status (OK, WARNING, FAILURE)");
    }
    return st;
  }
}
