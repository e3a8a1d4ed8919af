package dev.pgops.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A display tree of one EXPLAIN (FORMAT JSON) plan, walked from the raw JSON (an array holding one
 * object with "Plan", or that object, or a bare plan node; children in "Plans"). Each node gets its
 * summary text and two marks: <em>hot</em> when its exclusive share (time when ANALYZE figures are
 * present, else cost) is at least {@link #HOT_SHARE} of the whole plan, <em>misestimate</em> when actual
 * and planned rows differ by {@link #MISESTIMATE_FACTOR} or more. Deliberately minimal: the plan rules
 * have their own parser.
 */
public final class PlanTreeView {
  static final double HOT_SHARE = 0.40;
  static final double MISESTIMATE_FACTOR = 10;
  /** Markdown lists stop at this depth and this many nodes. */
  static final int MD_MAX_DEPTH = 12;
  static final int MD_MAX_NODES = 60;

  /**
   * One plan node. {@code path} is "Limit > Sort > Seq Scan on public.orders"; {@code marks} are the CSS
   * classes ("hot", "misestimate", "spill"), space separated; {@code details} extra facts (sort method,
   * rows removed by filter).
   */
  public record Node(String label, String type, String relation, boolean hasRelation, String costLabel,
                     String rowsLabel, String actualLabel, boolean hasActual, String shareLabel, String details,
                     boolean hasDetails, boolean hot, boolean misestimate, String estimateLabel, String marks,
                     String path, List<Node> children, boolean hasChildren) {}

  /** One Markdown bullet: {@code indent} is spaces only. */
  public record Line(String indent, String text) {}

  /**
   * The tree of one plan. {@code timed}: ANALYZE figures present (hot by time, else by cost).
   * {@code mdLines}: the depth- and count-limited bullet list; {@code mdOmitted}: nodes left out of it.
   */
  public record Tree(Node root, boolean timed, String totalsLabel, int nodes, int hotNodes, int misestimates,
                     List<Line> mdLines, int mdOmitted) {}

  private PlanTreeView() {}

  /** The tree, or null when {@code explain} holds no plan node. */
  public static Tree of(JsonNode explain) {
    JsonNode top = explain;
    if (top != null && top.isArray()) top = top.size() > 0 ? top.get(0) : null;
    if (top == null || !top.isObject()) return null;
    JsonNode plan = top.has("Plan") ? top.get("Plan") : top;
    if (!plan.has("Node Type")) return null;
    boolean timed = plan.has("Actual Total Time") && !plan.path("Actual Total Time").isNull();
    double whole = Math.max(timed ? inclusiveTime(plan) : num(plan, "Total Cost"), 1e-9);
    int[] counts = new int[3];
    Node root = node(plan, timed, whole, "", counts);
    List<Line> lines = new ArrayList<>();
    int[] budget = {MD_MAX_NODES};
    lines(root, 0, lines, budget);
    String totals = "";
    if (top.has("Planning Time")) totals += "planning " + ms(num(top, "Planning Time"));
    if (top.has("Execution Time")) totals += (totals.isEmpty() ? "" : ", ") + "execution " + ms(num(top, "Execution Time"));
    if (totals.isEmpty()) totals = "estimated cost " + fixed(num(plan, "Total Cost"));
    return new Tree(root, timed, totals, counts[0], counts[1], counts[2], List.copyOf(lines), counts[0] - (MD_MAX_NODES - budget[0]));
  }

  private static Node node(JsonNode n, boolean timed, double whole, String parentPath, int[] counts) {
    counts[0]++;
    String type = n.path("Node Type").asText("?");
    String strategy = n.path("Strategy").asText("");
    if (!strategy.isEmpty() && !"Plain".equals(strategy) && ("Aggregate".equals(type) || "SetOp".equals(type))) {
      type = strategy + " " + type;
    }
    String jt = n.path("Join Type").asText("");
    if (!jt.isEmpty() && !"Inner".equals(jt)) type = type + " (" + jt + ")";
    String relation = relation(n);
    String label = type + (relation.isEmpty() ? "" : " " + relation);
    String path = parentPath.isEmpty() ? label : parentPath + " > " + label;

    List<JsonNode> kids = new ArrayList<>();
    n.path("Plans").forEach(kids::add);
    double exclusive;
    if (timed) {
      double sub = 0;
      for (JsonNode k : kids) sub += inclusiveTime(k);
      exclusive = Math.max(0, inclusiveTime(n) - sub);
    } else {
      double sub = 0;
      for (JsonNode k : kids) sub += num(k, "Total Cost");
      exclusive = Math.max(0, num(n, "Total Cost") - sub);
    }
    double share = exclusive / whole;
    boolean hot = share >= HOT_SHARE;

    double planRows = num(n, "Plan Rows");
    boolean hasActual = n.has("Actual Rows") && !n.path("Actual Rows").isNull();
    String actualLabel = "";
    boolean mis = false;
    String estimate = "";
    if (hasActual) {
      double actual = num(n, "Actual Rows");
      long loops = Math.max(1, n.path("Actual Loops").asLong(1));
      actualLabel = "actual " + rows(actual) + " rows" + (loops > 1 ? " × " + Human.count(loops) + " loops" : "")
          + (n.has("Actual Total Time") ? ", " + ms(num(n, "Actual Total Time")) + (loops > 1 ? " per loop" : "") : "");
      boolean neverExecuted = n.path("Actual Loops").asLong(1) == 0;
      double factor = Math.max(actual, 1) / Math.max(planRows, 1);
      if (!neverExecuted && (factor >= MISESTIMATE_FACTOR || 1 / factor >= MISESTIMATE_FACTOR)) {
        mis = true;
        estimate = factor >= 1 ? "under-estimated " + times(factor) : "over-estimated " + times(1 / factor);
      }
    }
    List<String> details = new ArrayList<>();
    if (n.has("Sort Method")) {
      details.add("sort: " + n.path("Sort Method").asText() + (n.has("Sort Space Used")
          ? ", " + n.path("Sort Space Type").asText("") + " " + Human.count(n.path("Sort Space Used").asLong()) + " kB" : ""));
    }
    boolean spill = "Disk".equals(n.path("Sort Space Type").asText()) || n.path("Hash Batches").asLong(1) > 1
        || n.path("Disk Usage").asLong(0) > 0;
    if (n.path("Hash Batches").asLong(1) > 1) details.add("hash batches " + Human.count(n.path("Hash Batches").asLong()));
    if (n.has("Rows Removed by Filter")) details.add("removed by filter " + rows(num(n, "Rows Removed by Filter")));
    if (n.has("Filter")) details.add("filter " + n.path("Filter").asText());
    if (hot) counts[1]++;
    if (mis) counts[2]++;
    String marks = String.join(" ", (hot ? "hot" : ""), (mis ? "misestimate" : ""), (spill ? "spill" : "")).trim()
        .replaceAll(" +", " ");

    List<Node> children = new ArrayList<>();
    for (JsonNode k : kids) children.add(node(k, timed, whole, path, counts));
    return new Node(label, type, relation, !relation.isEmpty(),
        "cost " + fixed(num(n, "Startup Cost")) + ".." + fixed(num(n, "Total Cost")),
        "plan " + rows(planRows) + " rows", actualLabel, hasActual,
        percent(share) + (timed ? " of time" : " of cost"), String.join("; ", details), !details.isEmpty(),
        hot, mis, estimate, marks, path, List.copyOf(children), !children.isEmpty());
  }

  private static void lines(Node n, int depth, List<Line> out, int[] budget) {
    if (budget[0] <= 0) return;
    budget[0]--;
    StringBuilder t = new StringBuilder(n.label()).append(" (").append(n.costLabel()).append(", ").append(n.rowsLabel());
    if (n.hasActual()) t.append("; ").append(n.actualLabel());
    t.append(")");
    if (n.hot()) t.append(" [hot: ").append(n.shareLabel()).append("]");
    if (n.misestimate()) t.append(" [misestimate: ").append(n.estimateLabel()).append("]");
    if (n.hasDetails()) t.append(" ").append(n.details());
    out.add(new Line("  ".repeat(depth), t.toString()));
    if (depth + 1 >= MD_MAX_DEPTH) return;
    for (Node c : n.children()) lines(c, depth + 1, out, budget);
  }

  private static String relation(JsonNode n) {
    String rel = n.path("Relation Name").asText("");
    String schema = n.path("Schema").asText("");
    String idx = n.path("Index Name").asText("");
    String cte = n.path("CTE Name").asText("");
    String fn = n.path("Function Name").asText("");
    StringBuilder b = new StringBuilder();
    if (!rel.isEmpty()) b.append("on ").append(schema.isEmpty() ? rel : schema + "." + rel);
    if (!idx.isEmpty()) b.append(b.length() > 0 ? " " : "").append("using ").append(idx);
    if (!cte.isEmpty()) b.append(b.length() > 0 ? " " : "").append("on CTE ").append(cte);
    if (!fn.isEmpty()) b.append(b.length() > 0 ? " " : "").append("on ").append(fn).append("()");
    return b.toString();
  }

  /** Inclusive time of all loops: per-loop total time × loops. */
  private static double inclusiveTime(JsonNode n) {
    return num(n, "Actual Total Time") * Math.max(0, n.path("Actual Loops").asDouble(1));
  }

  private static double num(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? 0 : v.asDouble();
  }

  static String rows(double r) {
    return r == Math.rint(r) && Math.abs(r) < 1e15 ? Human.count((long) r) : String.format(Locale.ROOT, "%,.2f", r);
  }

  static String fixed(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  static String ms(double d) {
    return (d >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.3f", d)) + " ms";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static String times(double f) {
    return (f >= 100 ? String.format(Locale.ROOT, "%,.0f", f) : String.format(Locale.ROOT, "%.1f", f)) + "×";
  }
}
