package dev.pgops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed EXPLAIN (FORMAT JSON) plan: the raw top-level object, the root {@link PlanNode}, the plan-level
 * figures and which EXPLAIN options produced it, derived from the keys present (PostgreSQL prints a key
 * only when its option is on):
 * {@code analyzed} (ANALYZE: {@code Actual Loops}), {@code timing} ({@code Actual Total Time}; absent with
 * TIMING OFF), {@code buffers} ({@code Shared Hit Blocks}; on by default with ANALYZE in PG18),
 * {@code ioTiming} ({@code I/O Read Time} or PG17's {@code Shared I/O Read Time}: track_io_timing was on),
 * {@code verbose} ({@code Output} or {@code Schema} on some node).
 */
public final class ExplainPlan {
  /** One entry of the top-level {@code Triggers} list (ANALYZE of DML). */
  public record Trigger(String name, String relation, double timeMs, double calls) {}

  /** The top-level {@code JIT} object; the times (ms) are null without ANALYZE. */
  public record Jit(int functions, Double generationMs, Double inliningMs, Double optimizationMs, Double emissionMs,
      Double totalMs) {}

  private final JsonNode raw;
  private final PlanNode root;
  private final List<PlanNode> nodes;
  private final boolean analyzed;
  private final boolean timing;
  private final boolean buffers;
  private final boolean ioTiming;
  private final boolean verbose;

  ExplainPlan(JsonNode raw) {
    this.raw = raw;
    this.root = new PlanNode(raw.get("Plan"), null, "0");
    this.nodes = Collections.unmodifiableList(root.descendantsAndSelf());
    this.analyzed = root.analyzed();
    this.timing = nodes.stream().anyMatch(n -> n.raw().has("Actual Total Time"));
    this.buffers = nodes.stream().anyMatch(PlanNode::hasBuffers);
    this.ioTiming = nodes.stream().anyMatch(n -> n.raw().has("I/O Read Time") || n.raw().has("Shared I/O Read Time"));
    this.verbose = nodes.stream().anyMatch(n -> n.raw().has("Output") || n.raw().has("Schema"));
  }

  /** The top-level object (auto_explain's, or the single element of EXPLAIN's array). */
  public JsonNode raw() { return raw; }
  public PlanNode root() { return root; }
  /** Every node, depth first from the root. */
  public List<PlanNode> nodes() { return nodes; }
  public Optional<PlanNode> node(String path) {
    return nodes.stream().filter(n -> n.path().equals(path)).findFirst();
  }

  public boolean analyzed() { return analyzed; }
  public boolean timing() { return timing; }
  public boolean buffers() { return buffers; }
  public boolean ioTiming() { return ioTiming; }
  public boolean verbose() { return verbose; }

  /** ms; ANALYZE (or SUMMARY) only, else null. */
  public Double planningTimeMs() { return num("Planning Time"); }
  /** ms; ANALYZE only, else null. */
  public Double executionTimeMs() { return num("Execution Time"); }

  /** Execution Time, else the root's total time (auto_explain omits Execution Time), else null. */
  public Double runtimeMs() {
    Double e = executionTimeMs();
    return e != null ? e : root.totalTimeMs();
  }

  /** auto_explain's {@code Query Text}, or null. */
  public String queryText() {
    JsonNode q = raw.get("Query Text");
    return q == null || q.isNull() ? null : q.asText();
  }

  /** PG14+ with VERBOSE and compute_query_id, else null. */
  public String queryIdentifier() {
    JsonNode q = raw.get("Query Identifier");
    return q == null || q.isNull() ? null : q.asText();
  }

  public List<Trigger> triggers() {
    JsonNode t = raw.get("Triggers");
    if (t == null || !t.isArray()) return List.of();
    List<Trigger> out = new ArrayList<>();
    for (JsonNode e : t) {
      out.add(new Trigger(e.path("Trigger Name").asText(null), e.path("Relation").asText(null),
          e.path("Time").asDouble(0), e.path("Calls").asDouble(0)));
    }
    return List.copyOf(out);
  }

  /** Null when JIT did not run for the query. */
  public Jit jit() {
    JsonNode j = raw.get("JIT");
    if (j == null || !j.isObject()) return null;
    JsonNode t = j.path("Timing");
    return new Jit(j.path("Functions").asInt(0), time(t, "Generation"), time(t, "Inlining"),
        time(t, "Optimization"), time(t, "Emission"), time(t, "Total"));
  }

  // PG17 prints "Generation" as an object {Deform, Total}; older servers print numbers. Accept both.
  private static Double time(JsonNode t, String key) {
    JsonNode v = t.get(key);
    if (v == null) return null;
    if (v.isNumber()) return v.asDouble();
    if (v.isObject() && v.path("Total").isNumber()) return v.path("Total").asDouble();
    return null;
  }

  /** Non-default settings printed by SETTINGS (PG12+); empty when absent. */
  public Map<String, String> settings() {
    JsonNode s = raw.get("Settings");
    Map<String, String> out = new LinkedHashMap<>();
    if (s != null && s.isObject()) s.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(out);
  }

  public boolean hasSettings() { return raw.has("Settings"); }

  /** Largest Total Cost of any node (the root's, normally). */
  public double maxTotalCost() {
    return nodes.stream().mapToDouble(PlanNode::totalCost).max().orElse(0);
  }

  private Double num(String key) {
    JsonNode v = raw.get(key);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }
}
