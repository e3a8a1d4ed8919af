package dev.pgops.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pgops.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates {@code pgops.yaml} against the known rules, so a typo in a rule id, a threshold
 * name or a waiver field is a one-line error naming the file and the setting, not a silent no-op.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP = Set.of("rules", "waivers", "statsWindowMinDays");
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
    return new PgopsConfig(rules(root.path("rules")), waivers(root.path("waivers")), window);
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
