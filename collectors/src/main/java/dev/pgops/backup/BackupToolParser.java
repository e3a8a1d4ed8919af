package dev.pgops.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pgops.backup.ToolOutput.Role;
import dev.pgops.collect.CollectorFailed;
import dev.pgops.snapshot.BackupCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a tool's outputs into catalogues: parses the JSON, tells the outputs apart when they come from files (by
 * their shape), and hands them to the tool's parser. Never lets an exception other than {@link CollectorFailed}
 * ({@link UnsupportedFormatException}, {@link BackupToolException}) escape.
 */
public final class BackupToolParser {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private BackupToolParser() {}

  /**
   * @param tool    the tool that printed the outputs
   * @param name    stanza / server / instance to keep, or null for all (WAL-G: the catalogue's label)
   * @param outputs what the tool printed, in any order
   */
  public static List<BackupCatalog> parse(BackupTool tool, String name, List<ToolOutput> outputs) {
    if (outputs.isEmpty()) throw new BackupToolException(tool.id() + ": no output to read");
    try {
      Map<Role, List<JsonNode>> byRole = new EnumMap<>(Role.class);
      for (ToolOutput o : outputs) {
        JsonNode json = json(tool, o);
        Role role = o.role() != null ? o.role() : classify(tool, o, json);
        byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(json);
      }
      String source = outputs.stream().map(ToolOutput::source).collect(Collectors.joining("; "));
      return switch (tool) {
        case PGBACKREST -> pgbackrest(byRole, name, source);
        case WAL_G -> List.of(WalGParser.parse(one(byRole, Role.WALG_BACKUP_LIST, tool, true),
            one(byRole, Role.WALG_WAL_VERIFY, tool, false), name, source));
        case BARMAN -> BarmanParser.parse(one(byRole, Role.BARMAN_LIST_BACKUPS, tool, true),
            byRole.getOrDefault(Role.BARMAN_SHOW_BACKUP, List.of()), merged(byRole.get(Role.BARMAN_CHECK)), name,
            source);
        case PG_PROBACKUP -> PgProbackupParser.parse(one(byRole, Role.PROBACKUP_SHOW, tool, true),
            merged(byRole.get(Role.PROBACKUP_ARCHIVE)), name, source);
      };
    } catch (CollectorFailed e) {
      throw e;
    } catch (RuntimeException e) {
      // a shape the parsers did not foresee: still one line, still soft
      throw new UnsupportedFormatException(tool.id() + ": " + e.getClass().getSimpleName() + ": "
          + ToolProcess.oneLine(e.getMessage()));
    }
  }

  private static List<BackupCatalog> pgbackrest(Map<Role, List<JsonNode>> byRole, String stanza, String source) {
    List<BackupCatalog> all = new ArrayList<>();
    for (JsonNode info : byRole.getOrDefault(Role.PGBACKREST_INFO, List.of())) all.addAll(PgBackRestParser.parse(info, source));
    if (stanza == null) return all;
    List<BackupCatalog> kept = all.stream().filter(c -> stanza.equals(c.name())).toList();
    if (kept.isEmpty()) {
      throw new BackupToolException("pgbackrest stanza '" + stanza + "' is not in " + PgBackRestParser.COMMAND + " ("
          + source + "), stanzas: " + all.stream().map(BackupCatalog::name).collect(Collectors.joining(", ")));
    }
    return kept;
  }

  private static JsonNode json(BackupTool tool, ToolOutput o) {
    String what = tool.id() + " (" + o.source() + ")";
    if (o.text().isBlank()) {
      // WAL-G prints nothing (and logs "No backups found") when the storage holds no backup
      if (tool == BackupTool.WAL_G && o.role() == Role.WALG_BACKUP_LIST) return JSON.createArrayNode();
      throw new UnsupportedFormatException(what + ": empty output, expected JSON");
    }
    try {
      JsonNode n = JSON.readTree(o.text());
      if (n == null || n.isMissingNode()) throw new UnsupportedFormatException(what + ": empty output, expected JSON");
      return n;
    } catch (JsonProcessingException e) {
      throw new UnsupportedFormatException(what + ": not JSON (" + ToolProcess.oneLine(e.getOriginalMessage()) + ")");
    }
  }

  /** Which output a file holds, by its shape. */
  static Role classify(BackupTool tool, ToolOutput o, JsonNode json) {
    String what = tool.id() + " (" + o.source() + "): top level: ";
    return switch (tool) {
      case PGBACKREST -> Role.PGBACKREST_INFO;
      case WAL_G -> walG(what, json);
      case BARMAN -> barman(what, json);
      case PG_PROBACKUP -> probackup(what, json);
    };
  }

  private static Role walG(String what, JsonNode json) {
    if (json.isArray()) return Role.WALG_BACKUP_LIST;
    if (json.isObject() && (json.has("integrity") || json.has("timeline"))) return Role.WALG_WAL_VERIFY;
    throw new UnsupportedFormatException(what + "neither " + WalGParser.BACKUP_LIST + " (an array) nor "
        + WalGParser.WAL_VERIFY + " (an object with integrity / timeline)");
  }

  private static Role barman(String what, JsonNode json) {
    if (json.isObject()) {
      for (var it = json.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().startsWith("_")) continue;
        JsonNode v = e.getValue();
        if (v.isArray()) return Role.BARMAN_LIST_BACKUPS;
        if (v.isObject() && v.has("backup_id")) return Role.BARMAN_SHOW_BACKUP;
        if (v.isObject() && v.size() > 0 && v.elements().next().has("status")) return Role.BARMAN_CHECK;
      }
    }
    throw new UnsupportedFormatException(what + "neither " + BarmanParser.LIST_BACKUPS + " ({server: [...]}), "
        + BarmanParser.SHOW_BACKUP + " ({server: {backup_id ...}}) nor " + BarmanParser.CHECK
        + " ({server: {check: {status, hint}}}) JSON");
  }

  private static Role probackup(String what, JsonNode json) {
    if (!json.isArray()) {
      throw new UnsupportedFormatException(what + "expected a JSON array of instances (" + PgProbackupParser.SHOW
          + " or " + PgProbackupParser.SHOW_ARCHIVE + "), found " + JsonAt.kind(json));
    }
    for (JsonNode i : json) {
      if (i.has("timelines")) return Role.PROBACKUP_ARCHIVE;
    }
    return Role.PROBACKUP_SHOW;
  }

  private static JsonNode one(Map<Role, List<JsonNode>> byRole, Role role, BackupTool tool, boolean required) {
    List<JsonNode> l = byRole.get(role);
    if (l == null || l.isEmpty()) {
      if (!required) return null;
      throw new BackupToolException(tool.id() + ": no " + describe(role) + " output among the inputs");
    }
    if (l.size() > 1) throw new BackupToolException(tool.id() + ": " + l.size() + " " + describe(role) + " outputs, expected one");
    return l.get(0);
  }

  /** Several outputs of the same kind (Barman check of two servers, archives of two instances) merged. */
  private static JsonNode merged(List<JsonNode> nodes) {
    if (nodes == null || nodes.isEmpty()) return null;
    if (nodes.size() == 1) return nodes.get(0);
    if (nodes.get(0).isArray()) {
      var arr = JSON.createArrayNode();
      nodes.forEach(n -> n.forEach(arr::add));
      return arr;
    }
    var obj = JSON.createObjectNode();
    nodes.forEach(n -> n.fields().forEachRemaining(e -> obj.set(e.getKey(), e.getValue())));
    return obj;
  }

  static String describe(Role role) {
    return switch (role) {
      case PGBACKREST_INFO -> PgBackRestParser.COMMAND;
      case WALG_BACKUP_LIST -> WalGParser.BACKUP_LIST;
      case WALG_WAL_VERIFY -> WalGParser.WAL_VERIFY;
      case BARMAN_LIST_BACKUPS -> BarmanParser.LIST_BACKUPS;
      case BARMAN_SHOW_BACKUP -> BarmanParser.SHOW_BACKUP;
      case BARMAN_CHECK -> BarmanParser.CHECK;
      case PROBACKUP_SHOW -> PgProbackupParser.SHOW;
      case PROBACKUP_ARCHIVE -> PgProbackupParser.SHOW_ARCHIVE;
    };
  }
}
