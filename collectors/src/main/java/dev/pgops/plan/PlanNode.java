package dev.pgops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One node of an EXPLAIN (FORMAT JSON) plan: typed accessors over the raw JSON object ({@link #raw()}) plus
 * the normalisation every plan tool does first (reference Part A §A3):
 * <ul>
 *   <li>per-loop values ({@code Actual Rows}, {@code Actual Total Time}, {@code Rows Removed by …}) times
 *       {@code Actual Loops} as totals;</li>
 *   <li>under a Gather, time divided by the processes that ran it (workers launched + 1);</li>
 *   <li>exclusive time, cost and buffers (the children subtracted; InitPlans are not subtracted except under
 *       a {@code Result}, as pev2 does);</li>
 *   <li>a stable {@link #path()} ("0" for the root, "0.1.0" for the first child of its second child) and a
 *       readable {@link #label()} ("Hash Join > Seq Scan on public.orders").</li>
 * </ul>
 * Every number is read as a double (PG18 prints fractional {@code Actual Rows}); a missing key gives null
 * (boxed accessors) or 0 (counters). Unknown node types pass through with their raw JSON.
 */
public final class PlanNode {
  private final JsonNode raw;
  private final PlanNode parent;
  private final String path;
  private final int depth;
  private final List<PlanNode> children = new ArrayList<>();
  private final PlanNode gather;

  PlanNode(JsonNode raw, PlanNode parent, String path) {
    this.raw = raw;
    this.parent = parent;
    this.path = path;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.gather = parent == null ? null : parent.isGather() ? parent : parent.gather;
    JsonNode plans = raw.get("Plans");
    if (plans != null && plans.isArray()) {
      int i = 0;
      for (JsonNode c : plans) children.add(new PlanNode(c, this, path + "." + i++));
    }
  }

  // ---- structure ----
  public JsonNode raw() { return raw; }
  public Optional<PlanNode> parent() { return Optional.ofNullable(parent); }
  public List<PlanNode> children() { return Collections.unmodifiableList(children); }
  /** "0" for the root; a child's path is its parent's plus "." and its index among the parent's children. */
  public String path() { return path; }
  public int depth() { return depth; }

  /** This node and every descendant, depth first (pre-order). */
  public List<PlanNode> descendantsAndSelf() {
    List<PlanNode> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(PlanNode n, List<PlanNode> out) {
    out.add(n);
    for (PlanNode c : n.children) collect(c, out);
  }

  /** The nearest Gather / Gather Merge above this node, if any. */
  public Optional<PlanNode> gatherAbove() { return Optional.ofNullable(gather); }

  /** "Seq Scan on public.orders o", "Index Scan using orders_pkey on public.orders", "CTE Scan on x", "Hash Join". */
  public String description() {
    StringBuilder b = new StringBuilder();
    if (parallelAware() && !nodeType().startsWith("Parallel")) b.append("Parallel ");
    b.append(nodeType());
    if ("Aggregate".equals(nodeType()) && strategy() != null && !"Plain".equals(strategy())) {
      b.setLength(0);
      b.append("Hashed".equals(strategy()) ? "HashAggregate" : "Sorted".equals(strategy()) ? "GroupAggregate" : "MixedAggregate");
    }
    if (joinType() != null && !"Inner".equals(joinType())) b.append(" (").append(joinType()).append(")");
    if (indexName() != null) b.append(" using ").append(indexName());
    String rel = qualifiedRelation();
    if (rel != null) {
      b.append(" on ").append(rel);
      if (alias() != null && !alias().equals(relationName())) b.append(' ').append(alias());
    } else if (text("CTE Name") != null) {
      b.append(" on ").append(text("CTE Name"));
    } else if (text("Function Name") != null) {
      b.append(" on ").append(text("Function Name"));
    }
    if (subplanName() != null) b.insert(0, subplanName() + ": ");
    return b.toString();
  }

  /** The parent's description, " > ", this node's: "Hash Join > Seq Scan on public.orders". */
  public String label() {
    return parent == null ? description() : parent.description() + " > " + description();
  }

  // ---- identity ----
  public String nodeType() { return orElse(text("Node Type"), "Unknown"); }
  public boolean parallelAware() { return bool("Parallel Aware"); }
  public String relationName() { return text("Relation Name"); }
  public String schema() { return text("Schema"); }
  public String alias() { return text("Alias"); }
  /** schema.relation (schema only with VERBOSE), or null for nodes without a relation. */
  public String qualifiedRelation() {
    String r = relationName();
    if (r == null) return null;
    return schema() == null ? r : schema() + "." + r;
  }
  public String indexName() { return text("Index Name"); }
  public String parentRelationship() { return text("Parent Relationship"); }
  public String subplanName() { return text("Subplan Name"); }
  public String joinType() { return text("Join Type"); }
  public String cteName() { return text("CTE Name"); }
  public String functionName() { return text("Function Name"); }
  public boolean isScan() { return nodeType().endsWith("Scan") || relationName() != null; }
  public boolean isGather() { return nodeType().startsWith("Gather"); }
  public boolean isInitPlan() { return "InitPlan".equals(parentRelationship()); }

  // ---- estimates ----
  public double startupCost() { return num("Startup Cost", 0); }
  public double totalCost() { return num("Total Cost", 0); }
  /** Estimated rows per loop. */
  public double planRows() { return num("Plan Rows", 0); }
  public int planWidth() { return (int) num("Plan Width", 0); }

  /** Total Cost minus the children's Total Cost (InitPlans counted as for time), at least 0. */
  public double exclusiveCost() {
    double c = totalCost();
    for (PlanNode ch : subtracted()) c -= ch.totalCost();
    return Math.max(0, c);
  }

  // ---- actuals (ANALYZE) ----
  public boolean analyzed() { return raw.has("Actual Loops"); }
  /** Actual rows per loop (fractional on PG18), or null without ANALYZE. */
  public Double actualRows() { return boxed("Actual Rows"); }
  public long loops() { return (long) num("Actual Loops", 0); }
  public Double actualStartupTimeMs() { return boxed("Actual Startup Time"); }
  /** Per loop, inclusive of children; null without ANALYZE or with TIMING OFF. */
  public Double actualTotalTimeMs() { return boxed("Actual Total Time"); }
  /** ANALYZE shows loops 0: the node never ran (pruned, or its parent never asked). Rules skip these. */
  public boolean neverExecuted() { return analyzed() && loops() == 0; }

  /** Actual rows × loops, or null without ANALYZE. */
  public Double totalRows() {
    Double r = actualRows();
    return r == null ? null : r * loops();
  }

  /**
   * Time spent in this node and below over all loops, in ms: per-loop time × loops, divided by the
   * processes (workers launched + 1) when under a Gather. Null without timing.
   */
  public Double totalTimeMs() {
    Double t = actualTotalTimeMs();
    if (t == null) return null;
    return t * loops() / processes();
  }

  /** {@link #totalTimeMs()} minus the children's (InitPlans only under Result), at least 0. */
  public Double exclusiveTimeMs() {
    Double t = totalTimeMs();
    if (t == null) return null;
    for (PlanNode c : subtracted()) {
      Double ct = c.totalTimeMs();
      if (ct != null) t -= ct;
    }
    return Math.max(0, t);
  }

  /** Processes sharing the work below a Gather: its workers launched (else planned) + 1; 1 elsewhere. */
  public int processes() {
    if (gather == null) return 1;
    Double launched = gather.workersLaunched();
    int w = launched != null ? launched.intValue() : (int) gather.num("Workers Planned", 0);
    return Math.max(1, w + 1);
  }

  private List<PlanNode> subtracted() {
    boolean result = "Result".equals(nodeType());
    List<PlanNode> out = new ArrayList<>();
    for (PlanNode c : children) if (!c.isInitPlan() || result) out.add(c);
    return out;
  }

  /** Actual rows vs Plan Rows per loop as max/min with both sides clamped to at least 1; null without ANALYZE. */
  public Double misestimateFactor() {
    Double a = actualRows();
    if (a == null) return null;
    double act = Math.max(a, 1), est = Math.max(planRows(), 1);
    return Math.max(act, est) / Math.min(act, est);
  }

  /** True when more rows came out than the planner expected. */
  public boolean underestimated() {
    Double a = actualRows();
    return a != null && a > planRows();
  }

  // ---- filters ----
  public String filter() { return text("Filter"); }
  public String indexCond() { return text("Index Cond"); }
  public String recheckCond() { return text("Recheck Cond"); }
  public String joinFilter() { return text("Join Filter"); }
  public String hashCond() { return text("Hash Cond"); }
  /** Per loop. */
  public double rowsRemovedByFilter() { return num("Rows Removed by Filter", 0); }
  public double rowsRemovedByJoinFilter() { return num("Rows Removed by Join Filter", 0); }
  public double rowsRemovedByIndexRecheck() { return num("Rows Removed by Index Recheck", 0); }
  public double totalRowsRemovedByFilter() { return rowsRemovedByFilter() * loops(); }
  public double totalRowsRemovedByJoinFilter() { return rowsRemovedByJoinFilter() * loops(); }
  public double totalRowsRemovedByIndexRecheck() { return rowsRemovedByIndexRecheck() * loops(); }

  // ---- scans ----
  public double heapFetches() { return num("Heap Fetches", 0); }
  public double exactHeapBlocks() { return num("Exact Heap Blocks", 0); }
  public double lossyHeapBlocks() { return num("Lossy Heap Blocks", 0); }
  /** PG18. */
  public Double indexSearches() { return boxed("Index Searches"); }

  // ---- sort ----
  public String sortMethod() { return text("Sort Method"); }
  public Double sortSpaceUsedKb() { return boxed("Sort Space Used"); }
  public String sortSpaceType() { return text("Sort Space Type"); }
  public List<String> sortKey() { return texts("Sort Key"); }
  public List<String> groupKey() { return texts("Group Key"); }
  public List<String> output() { return texts("Output"); }

  /**
   * kB this Sort / Incremental Sort wrote to disk: {@code Sort Space Used} when the space type is Disk or the
   * method external; plus the peak disk use of Incremental Sort groups and of the per-worker entries. 0 when
   * it stayed in memory; null when the node reports no sort at all (not a sort, or no ANALYZE).
   */
  public Double sortDiskKb() {
    Double own = null;
    if (sortMethod() != null || sortSpaceType() != null) {
      String m = orElse(sortMethod(), "");
      boolean disk = "Disk".equals(sortSpaceType()) || m.startsWith("external");
      own = disk ? num("Sort Space Used", 0) : 0.0;
    }
    for (String g : List.of("Full-sort Groups", "Pre-sorted Groups")) {
      JsonNode grp = raw.get(g);
      if (grp != null && grp.has("Sort Space Disk")) {
        double peak = grp.get("Sort Space Disk").path("Peak Sort Space Used").asDouble(0);
        own = (own == null ? 0 : own) + peak;
      }
    }
    JsonNode workers = raw.get("Workers");
    if (workers != null && workers.isArray()) {
      for (JsonNode w : workers) {
        String m = w.path("Sort Method").asText("");
        if ("Disk".equals(w.path("Sort Space Type").asText()) || m.startsWith("external")) {
          own = (own == null ? 0 : own) + w.path("Sort Space Used").asDouble(0);
        } else if (w.has("Sort Method") && own == null) {
          own = 0.0;
        }
      }
    }
    return own;
  }

  // ---- hash ----
  public Double hashBatches() { return boxed("Hash Batches"); }
  public Double originalHashBatches() { return boxed("Original Hash Batches"); }
  public Double hashBuckets() { return boxed("Hash Buckets"); }
  public Double originalHashBuckets() { return boxed("Original Hash Buckets"); }
  /** kB; Hash, HashAggregate and Memoize report it. */
  public Double peakMemoryKb() { return boxed("Peak Memory Usage"); }

  // ---- aggregate ----
  public String strategy() { return text("Strategy"); }
  public String partialMode() { return text("Partial Mode"); }
  public Double plannedPartitions() { return boxed("Planned Partitions"); }
  public Double hashAggBatches() { return boxed("HashAgg Batches"); }
  /** kB, HashAggregate spill (PG13+). */
  public Double diskUsageKb() { return boxed("Disk Usage"); }

  // ---- memoize (PG14+) ----
  public String cacheKey() { return text("Cache Key"); }
  public double cacheHits() { return num("Cache Hits", 0); }
  public double cacheMisses() { return num("Cache Misses", 0); }
  public double cacheEvictions() { return num("Cache Evictions", 0); }
  public double cacheOverflows() { return num("Cache Overflows", 0); }

  // ---- gather ----
  public Double workersPlanned() { return boxed("Workers Planned"); }
  /** Only with ANALYZE. */
  public Double workersLaunched() { return boxed("Workers Launched"); }

  // ---- buffers ----
  /** True when the node carries BUFFERS counters. */
  public boolean hasBuffers() { return raw.has("Shared Hit Blocks"); }
  /** As PostgreSQL reports them: inclusive of the children. */
  public Buffers buffers() { return Buffers.of(raw); }
  /** Minus every child's (InitPlans included: their blocks are reported under the parent too). */
  public Buffers exclusiveBuffers() {
    Buffers b = buffers();
    for (PlanNode c : children) b = b.minus(c.buffers());
    return b;
  }

  // ---- raw access ----
  /** A text field, or null. */
  public String text(String key) {
    JsonNode v = raw.get(key);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  /** A list field (Output, Sort Key…) as texts; empty when absent. */
  public List<String> texts(String key) {
    JsonNode v = raw.get(key);
    if (v == null || !v.isArray()) return List.of();
    List<String> out = new ArrayList<>();
    v.forEach(e -> out.add(e.asText()));
    return out;
  }

  /** A numeric field as double, or {@code dflt}. */
  public double num(String key, double dflt) {
    JsonNode v = raw.get(key);
    return v != null && v.isNumber() ? v.asDouble() : dflt;
  }

  public Double boxed(String key) {
    JsonNode v = raw.get(key);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  private boolean bool(String key) {
    JsonNode v = raw.get(key);
    return v != null && v.asBoolean(false);
  }

  private static String orElse(String s, String d) {
    return s == null ? d : s;
  }

  @Override
  public String toString() {
    return path + " " + description();
  }
}
