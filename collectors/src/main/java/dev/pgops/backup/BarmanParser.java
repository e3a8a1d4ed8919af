package dev.pgops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Barman's JSON writer ({@code barman -f json …}): {@code list-backups} ({@code {server: [backups]}}),
 * {@code show-backup} ({@code {server: {backup_id, …}}}, one per backup shown) and {@code check}
 * ({@code {server: {check_key: {status, hint}}}}); one catalog per server. Keys starting with {@code _}
 * ({@code _ERROR}, {@code _WARNING}, …) carry Barman's messages: an {@code _ERROR} makes the catalogue's status
 * {@code error}.
 *
 * <ul>
 *   <li>Status DONE is {@code ok}, STARTED {@code running}, FAILED {@code failed}; EMPTY, WAITING_FOR_WALS and
 *       SYNCING stay as the tool says, in lower case (none of them is restorable yet).</li>
 *   <li>{@code end_time_timestamp} is Unix epoch seconds as a string; sizes and times appear only for
 *       WAITING_FOR_WALS and DONE.</li>
 *   <li>{@code backup_type} full, rsync and snapshot are full backups, incremental is incremental; a Barman too old
 *       to say is taken as full.</li>
 *   <li>show-backup adds the start time, LSNs, WAL range, system identifier, PostgreSQL version, parent and, for a
 *       failed backup, its {@code error}; the newest shown backup gives the catalogue's system identifier, major
 *       and newest archived WAL ({@code wal_information.last_available}).</li>
 *   <li>check: one {@link ToolCheck} per key, ok when its status is OK, with the hint as message.</li>
 * </ul>
 */
public final class BarmanParser {
  public static final String LIST_BACKUPS = "barman list-backups";
  public static final String SHOW_BACKUP = "barman show-backup";
  public static final String CHECK = "barman check";

  private BarmanParser() {}

  /**
   * @param listBackups the list-backups object
   * @param showBackups show-backup objects (any number, any servers)
   * @param check       the check object, or null
   * @param server      keep only this server, or null for all
   */
  public static List<BackupCatalog> parse(JsonNode listBackups, List<JsonNode> showBackups, JsonNode check,
      String server, String source) {
    JsonAt list = JsonAt.root(LIST_BACKUPS + " (" + source + ")", listBackups);
    if (!listBackups.isObject()) {
      throw list.unsupported("expected a JSON object of servers, found " + JsonAt.kind(listBackups));
    }
    Map<String, List<JsonAt>> shown = new HashMap<>();
    for (JsonNode s : showBackups) {
      JsonAt root = JsonAt.root(SHOW_BACKUP + " (" + source + ")", s).requireObject();
      for (var e : root.fields()) {
        if (!e.getKey().startsWith("_")) shown.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().requireObject());
      }
    }
    JsonAt checks = check == null ? null : JsonAt.root(CHECK + " (" + source + ")", check).requireObject();
    List<String> errors = messages(list, "_ERROR");
    List<BackupCatalog> out = new ArrayList<>();
    Map<String, JsonAt> servers = new LinkedHashMap<>();
    for (var e : list.fields()) {
      if (!e.getKey().startsWith("_")) servers.put(e.getKey(), e.getValue());
    }
    for (var e : servers.entrySet()) {
      if (server != null && !server.equals(e.getKey())) continue;
      JsonAt value = e.getValue();
      if (!value.node().isArray()) {
        throw value.unsupported("expected an array of backups, found " + JsonAt.kind(value.node())
            + " (show-backup or check output where list-backups was expected?)");
      }
      out.add(server(e.getKey(), value, shown.getOrDefault(e.getKey(), List.of()),
          checks == null ? null : checks.optObject(e.getKey()), errors, source));
    }
    if (server != null && out.isEmpty()) {
      throw new BackupToolException("barman server '" + server + "' is not in " + LIST_BACKUPS + " (" + source + ")"
          + (errors.isEmpty() ? ", servers: " + String.join(", ", servers.keySet()) : ": " + errors.get(0)));
    }
    return out;
  }

  private static List<String> messages(JsonAt root, String key) {
    List<String> out = new ArrayList<>();
    JsonAt m = root.at(key);
    if (m.node().isArray()) m.node().forEach(x -> out.add(ToolValues.line(x.asText())));
    else if (m.node().isTextual()) out.add(ToolValues.line(m.node().textValue()));
    return out;
  }

  private static BackupCatalog server(String name, JsonAt list, List<JsonAt> shown, JsonAt check, List<String> errors,
      String source) {
    Map<String, JsonAt> showById = new HashMap<>();
    for (JsonAt s : shown) showById.put(s.text("backup_id"), s);
    List<Backup> backups = new ArrayList<>();
    for (JsonAt b : list.elements()) backups.add(backup(b.requireObject(), showById.get(b.requireObject().text("backup_id"))));
    backups.sort(Comparator.comparing((Backup b) -> b.stoppedAt() != null ? b.stoppedAt() : b.startedAt(),
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Backup::id));

    List<ToolCheck> checks = new ArrayList<>();
    if (check != null) {
      for (var c : check.fields()) {
        JsonAt v = c.getValue().requireObject();
        String st = v.text("status");
        if (!st.equals("OK") && !st.equals("FAILED")) throw v.at("status").unsupported("'" + st + "' is not OK or FAILED");
        String hint = v.optText("hint");
        checks.add(new ToolCheck(c.getKey(), st.equals("OK"), hint == null ? "" : ToolValues.line(hint)));
      }
    }
    // the newest backup show-backup described gives the server-wide facts
    JsonAt newestShown = null;
    Instant newestEnd = null;
    String oldestBeginWal = null;
    for (JsonAt s : shown) {
      JsonAt base = s.optObject("base_backup_information");
      Instant end = base == null ? null : ToolValues.epochText(base, "end_time_timestamp");
      if (newestShown == null || (end != null && (newestEnd == null || end.isAfter(newestEnd)))) {
        newestShown = s;
        newestEnd = end;
      }
      String beginWal = base == null ? null : base.optText("begin_wal");
      if (beginWal != null && (oldestBeginWal == null || beginWal.compareTo(oldestBeginWal) < 0)) oldestBeginWal = beginWal;
    }
    String systemId = newestShown == null ? null : systemId(newestShown);
    Long version = newestShown == null ? null : newestShown.optLong("postgresql_version");
    JsonAt wal = newestShown == null ? null : newestShown.optObject("wal_information");
    WalArchive archive = new WalArchive(oldestBeginWal, wal == null ? null : wal.optText("last_available"), "unknown",
        List.of());

    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    raw.set("list-backups", list.node());
    if (!shown.isEmpty()) {
      ArrayNode arr = raw.putArray("show-backup");
      shown.forEach(s -> arr.add(s.node()));
    }
    if (check != null) raw.set("check", check.node());
    return new BackupCatalog(BackupTool.BARMAN.id(), name, source, errors.isEmpty() ? "ok" : "error",
        String.join("; ", errors), systemId, version == null ? null : ToolValues.majorOfVersionNum(version), backups,
        archive, checks, raw);
  }

  private static Backup backup(JsonAt b, JsonAt show) {
    String id = b.text("backup_id");
    String status = b.text("status");
    String type = b.optText("backup_type");
    if (type == null && show != null) type = show.optText("backup_type");
    String kind = type == null ? "full" : switch (type) {
      case "full", "rsync", "snapshot" -> "full";
      case "incremental" -> "incremental";
      default -> throw b.at("backup_type").unsupported("'" + type
          + "' is not a Barman backup type (full, incremental, rsync, snapshot)");
    };
    Instant end = ToolValues.epochText(b, "end_time_timestamp");
    JsonAt base = show == null ? null : show.optObject("base_backup_information");
    JsonAt catalog = show == null ? null : show.optObject("catalog_information");
    List<String> errors = new ArrayList<>();
    if (show != null && show.optText("error") != null) errors.add(ToolValues.line(show.optText("error")));
    Long pgVersion = show == null ? null : show.optLong("postgresql_version");
    return new Backup(id, kind, status(status), base == null ? null : ToolValues.epochText(base, "begin_time_timestamp"),
        end != null ? end : base == null ? null : ToolValues.epochText(base, "end_time_timestamp"),
        base == null ? null : base.optText("begin_lsn"), base == null ? null : base.optText("end_lsn"),
        base == null ? null : base.optText("begin_wal"), base == null ? null : base.optText("end_wal"),
        show == null ? null : show.optLong("cluster_size_bytes"),
        base == null ? null : base.has("incremental_size_bytes") ? base.optLong("incremental_size_bytes")
            : base.optLong("disk_usage_bytes"),
        b.optLong("size_bytes"), show == null ? null : systemId(show),
        pgVersion == null ? null : ToolValues.majorOfVersionNum(pgVersion),
        catalog == null ? null : catalog.optText("parent_backup_id"), errors);
  }

  /** Barman writes the system identifier as a string; a number is read exactly too. */
  private static String systemId(JsonAt show) {
    JsonAt s = show.at("system_id");
    if (!s.present()) return null;
    return s.node().isIntegralNumber() ? s.asUnsigned().toString() : s.asText();
  }

  private static String status(String s) {
    return switch (s) {
      case "DONE" -> "ok";
      case "STARTED" -> "running";
      case "FAILED" -> "failed";
      default -> s.toLowerCase(Locale.ROOT);
    };
  }
}
