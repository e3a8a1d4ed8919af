package dev.pgops.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pgops.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates {@code pgops.yaml} against the known rules, so a typo in a rule id, a threshold
 * name, a waiver field or a backup-policy key is a one-line error naming the file and the setting, not a silent
 * no-op. Durations of the {@code backup:} block are a whole number and one unit: {@code 90s}, {@code 15m},
 * {@code 26h}, {@code 7d}.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP = Set.of("rules", "waivers", "statsWindowMinDays", "backup");
  private static final Set<String> BACKUP_FIELDS = Set.of("rpo", "fullInterval", "anyBackupInterval", "retention", "drill");
  private static final Set<String> RETENTION_FIELDS = Set.of("fullCount", "age");
  private static final Set<String> DRILL_FIELDS = Set.of("maxAge", "rto");
  private static final long MAX_DURATION_SECONDS = 36_500L * 86_400;
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
  private static final Set<String> WAIVER_FIELDS = Set.of("rule", "object", "reason", "owner", "expires");

  private final Map<String, RuleDescriptor> byId = new HashMap<>();
  private String file = "pgops.yaml";

  public ConfigLoader(List<RuleDescriptor> rules) {
    for (RuleDescriptor r : rules) {
      byId.put(r.id(), r);
      for (String alias : r.aliases()) byId.put(alias, r);
    }
  }

  public PgopsConfig load(Path path) throws ConfigException {
    this.file = path.toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": file not found");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(text, file);
  }

  public PgopsConfig parse(String yaml, String source) throws ConfigException {
    this.file = source;
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "invalid YAML" : e.getMessage().lines().findFirst().orElse("invalid YAML");
      throw new ConfigException(file + ": invalid YAML (" + msg + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) return PgopsConfig.defaults();
    if (!root.isObject()) throw error("", "expected a mapping at the top level");
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!TOP.contains(k)) throw error(k, "unknown setting (valid: " + String.join(", ", sorted(TOP)) + ")");
    }
    double window = PgopsConfig.DEFAULT_STATS_WINDOW_DAYS;
    if (root.has("statsWindowMinDays")) window = number(root.get("statsWindowMinDays"), "statsWindowMinDays");
    return new PgopsConfig(rules(root.path("rules")), waivers(root.path("waivers")), window, backup(root.path("backup")));
  }

  private Map<String, PgopsConfig.RuleSettings> rules(JsonNode node) throws ConfigException {
    Map<String, PgopsConfig.RuleSettings> out = new HashMap<>();
    if (node.isMissingNode() || node.isNull()) return out;
    if (!node.isObject()) throw error("rules", "expected a mapping of rule id to settings");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String path = "rules." + e.getKey();
      RuleDescriptor rule = byId.get(e.getKey());
      if (rule == null) throw error(path, "unknown rule id (see `pgops rules list`)");
      JsonNode body = e.getValue();
      if (!body.isObject()) throw error(path, "expected a mapping (enabled, severity, thresholds)");
      Boolean enabled = null;
      Severity severity = null;
      Map<String, Double> thresholds = new HashMap<>();
      Set<String> known = rule.thresholds().stream().map(Threshold::name).collect(Collectors.toSet());
      for (Iterator<Map.Entry<String, JsonNode>> f = body.fields(); f.hasNext(); ) {
        var s = f.next();
        String key = path + "." + s.getKey();
        switch (s.getKey()) {
          case "enabled" -> {
            if (!s.getValue().isBoolean()) throw error(key, "expected true or false");
            enabled = s.getValue().booleanValue();
          }
          case "severity" -> {
            try {
              severity = Severity.parse(s.getValue().asText());
            } catch (IllegalArgumentException ex) {
              throw error(key, ex.getMessage());
            }
          }
          default -> {
            if (!known.contains(s.getKey())) {
              throw error(key, "unknown setting (valid: enabled, severity"
                  + (known.isEmpty() ? "" : ", " + String.join(", ", sorted(known))) + ")");
            }
            thresholds.put(s.getKey(), number(s.getValue(), key));
          }
        }
      }
      out.put(rule.id(), new PgopsConfig.RuleSettings(enabled, severity, thresholds));
    }
    return out;
  }

  private List<Waiver> waivers(JsonNode node) throws ConfigException {
    List<Waiver> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) return out;
    if (!node.isArray()) throw error("waivers", "expected a list");
    for (int i = 0; i < node.size(); i++) {
      JsonNode w = node.get(i);
      String path = "waivers[" + i + "]";
      if (!w.isObject()) throw error(path, "expected a mapping with rule, object, reason, owner, expires");
      for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!WAIVER_FIELDS.contains(k)) throw error(path + "." + k, "unknown field (valid: expires, object, owner, reason, rule)");
      }
      String rule = text(w, path, "rule");
      RuleDescriptor d = byId.get(rule);
      if (d == null) throw error(path + ".rule", "unknown rule id '" + rule + "'");
      LocalDate expires;
      try {
        expires = LocalDate.parse(text(w, path, "expires"));
      } catch (DateTimeParseException e) {
        throw error(path + ".expires", "expected a date like 2027-01-31");
      }
      out.add(new Waiver(d.id(), text(w, path, "object"), text(w, path, "reason"), text(w, path, "owner"), expires));
    }
    return out;
  }

  /** The {@code backup:} block; absent keys keep their defaults. */
  private PgopsConfig.BackupPolicy backup(JsonNode node) throws ConfigException {
    PgopsConfig.BackupPolicy d = PgopsConfig.BackupPolicy.defaults();
    if (node.isMissingNode() || node.isNull()) return d;
    mapping(node, "backup", BACKUP_FIELDS);
    JsonNode retention = node.path("retention");
    JsonNode drill = node.path("drill");
    if (!retention.isMissingNode() && !retention.isNull()) mapping(retention, "backup.retention", RETENTION_FIELDS);
    if (!drill.isMissingNode() && !drill.isNull()) mapping(drill, "backup.drill", DRILL_FIELDS);
    int fullCount = d.retentionFullCount();
    JsonNode count = retention.path("fullCount");
    if (!count.isMissingNode() && !count.isNull()) {
      if (!count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
        throw error("backup.retention.fullCount", "expected a whole number of backups (0 or more), got '" + count.asText() + "'");
      }
      fullCount = count.intValue();
    }
    return new PgopsConfig.BackupPolicy(
        duration(node.path("rpo"), "backup.rpo", d.rpo()),
        duration(node.path("fullInterval"), "backup.fullInterval", d.fullInterval()),
        duration(node.path("anyBackupInterval"), "backup.anyBackupInterval", d.anyBackupInterval()),
        fullCount,
        duration(retention.path("age"), "backup.retention.age", d.retentionAge()),
        duration(drill.path("maxAge"), "backup.drill.maxAge", d.drillMaxAge()),
        duration(drill.path("rto"), "backup.drill.rto", d.drillRto()));
  }

  private void mapping(JsonNode node, String path, Set<String> fields) throws ConfigException {
    if (!node.isObject()) throw error(path, "expected a mapping (" + String.join(", ", sorted(fields)) + ")");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!fields.contains(k)) throw error(path + "." + k, "unknown setting (valid: " + String.join(", ", sorted(fields)) + ")");
    }
  }

  /** "90s", "15m", "26h", "7d": a positive whole number and one unit; absent or null keeps {@code fallback}. */
  private Duration duration(JsonNode v, String key, Duration fallback) throws ConfigException {
    if (v.isMissingNode() || v.isNull()) return fallback;
    Matcher m = v.isTextual() ? DURATION.matcher(v.asText().trim()) : null;
    if (m == null || !m.matches()) {
      throw error(key, "expected a duration like 90s, 15m, 26h or 7d, got '" + v.asText() + "'");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw error(key, "duration '" + v.asText() + "' is too large");
    }
    if (n <= 0) throw error(key, "must be longer than 0, got '" + v.asText() + "'");
    long unit = switch (m.group(2)) {
      case "s" -> 1;
      case "m" -> 60;
      case "h" -> 3600;
      default -> 86_400;
    };
    if (n > MAX_DURATION_SECONDS / unit) throw error(key, "duration '" + v.asText() + "' is too large (at most 100 years)");
    return Duration.ofSeconds(n * unit);
  }

  private String text(JsonNode w, String path, String field) throws ConfigException {
    JsonNode v = w.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) throw error(path + "." + field, "is required");
    return v.asText().trim();
  }

  private double number(JsonNode v, String key) throws ConfigException {
    if (!v.isNumber()) throw error(key, "expected a number, got '" + v.asText() + "'");
    return v.doubleValue();
  }

  private ConfigException error(String setting, String message) {
    return new ConfigException(file + (setting.isEmpty() ? "" : ": " + setting) + ": " + message);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
