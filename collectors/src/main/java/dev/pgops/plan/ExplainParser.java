package dev.pgops.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * Reads EXPLAIN (FORMAT JSON) output in the shapes PostgreSQL and its tools emit: EXPLAIN's
 * {@code [ {"Plan": …} ]}, a bare {@code {"Plan": …}}, and auto_explain's {@code {"Query Text": …, "Plan": …}};
 * as text also psql-framed output (the {@code QUERY PLAN} header, the {@code ----} line, the {@code (1 row)}
 * footer, {@code |} / {@code ║} / {@code │} borders and {@code +} line continuations are stripped, as pev2's
 * {@code cleanupSource} does). Anything else raises a one-line {@link ExplainFormatException}.
 */
public final class ExplainParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEADER = Pattern.compile("^\\s*QUERY PLAN\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("^\\s*[+\\-─═├┤╟╢╠╣╞╡┼]+\\s*$");
  private static final Pattern ROWCOUNT = Pattern.compile("^\\s*\\(\\d+\\s+rows?\\)\\s*$");

  private ExplainParser() {}

  public static ExplainPlan parse(String text) {
    return parse("input", text);
  }

  /** {@code source} names the input in error messages (a file name, "statement 123…"). */
  public static ExplainPlan parse(String source, String text) {
    if (text == null || text.isBlank()) throw new ExplainFormatException(source, "empty input");
    String clean = cleanup(text);
    int start = firstJson(clean);
    if (start < 0) {
      throw new ExplainFormatException(source, clean.contains("->") || clean.contains("cost=")
          ? "text-format EXPLAIN output; run EXPLAIN (FORMAT JSON, …) instead"
          : "no JSON object or array found");
    }
    JsonNode node;
    try {
      node = JSON.readTree(clean.substring(start));
    } catch (JsonProcessingException e) {
      throw new ExplainFormatException(source, "invalid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
    return parse(source, node);
  }

  public static ExplainPlan parse(JsonNode json) {
    return parse("input", json);
  }

  public static ExplainPlan parse(String source, JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) throw new ExplainFormatException(source, "no plan (null)");
    JsonNode top = json;
    if (top.isArray()) {
      if (top.isEmpty()) throw new ExplainFormatException(source, "empty JSON array, expected [ {\"Plan\": …} ]");
      if (top.size() > 1) throw new ExplainFormatException(source, top.size() + " plans in one array; expected one");
      top = top.get(0);
    }
    if (top.isTextual()) return parse(source, top.asText()); // a JSON string holding the plan (some log shippers)
    if (!top.isObject()) throw new ExplainFormatException(source, "expected a JSON object with \"Plan\", got " + top.getNodeType());
    JsonNode plan = top.get("Plan");
    if (plan == null || !plan.isObject()) {
      throw new ExplainFormatException(source, "no \"Plan\" object at the top level (keys: " + keys(top) + ")");
    }
    if (!plan.has("Node Type")) throw new ExplainFormatException(source, "the root \"Plan\" has no \"Node Type\"");
    return new ExplainPlan(top);
  }

  /** Strips psql framing line by line (pev2 cleanupSource). */
  static String cleanup(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\r?\n", -1)) {
      String l = line.stripTrailing();
      if (HEADER.matcher(l).matches() || SEPARATOR.matcher(l).matches() || ROWCOUNT.matcher(l).matches()) continue;
      String t = l.stripLeading();
      if (!t.isEmpty() && "|║│".indexOf(t.charAt(0)) >= 0) l = t.substring(1);
      String s = l.stripTrailing();
      if (!s.isEmpty() && "|║│".indexOf(s.charAt(s.length() - 1)) >= 0) l = s.substring(0, s.length() - 1);
      s = l.stripTrailing();
      if (s.endsWith("+")) l = s.substring(0, s.length() - 1);
      l = l.replace("↵", "");
      out.append(l).append('\n');
    }
    return out.toString();
  }

  private static int firstJson(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[' || c == '{') return i;
      if (!Character.isWhitespace(c)) {
        // skip a log prefix such as "LOG:  duration: 12.3 ms  plan:" before auto_explain's JSON
        int j = s.indexOf('{', i);
        int k = s.indexOf('[', i);
        if (j < 0 && k < 0) return -1;
        return j < 0 ? k : k < 0 ? j : Math.min(j, k);
      }
    }
    return -1;
  }

  private static String keys(JsonNode o) {
    StringBuilder b = new StringBuilder();
    o.fieldNames().forEachRemaining(k -> b.append(b.length() == 0 ? "" : ", ").append(k));
    return b.length() == 0 ? "none" : b.toString();
  }
}
