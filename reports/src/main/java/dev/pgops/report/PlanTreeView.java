package dev.pgops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgops.plan.ExplainFormatException;
import dev.pgops.plan.ExplainParser;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A display tree of one EXPLAIN (FORMAT JSON) plan, built from the plan model of {@link ExplainParser}
 * ({@link ExplainPlan} / {@link PlanNode}): the parser's normalisation (totals over loops, time shared by
 * parallel workers, InitPlans not subtracted) and its node descriptions are the reference. Each node gets its
 * summary text and marks: <em>hot</em> when its exclusive share is at least {@link #HOT_SHARE} of the plan
 * (exclusive time over the plan's runtime when ANALYZE timed it, else exclusive cost over the root's total
 * cost), <em>misestimate</em> when an executed node's actual and planned rows per loop differ by
 * {@link #MISESTIMATE_FACTOR} or more, <em>spill</em> when a sort or hash went to disk. A plan the parser
 * rejects becomes a tree without nodes and a one-line {@link Tree#note()}.
 */
public final class PlanTreeView {
  static final double HOT_SHARE = 0.40;
  static final double MISESTIMATE_FACTOR = 10;
  /** Markdown lists stop at this depth and this many nodes. */
  static final int MD_MAX_DEPTH = 12;
  static final int MD_MAX_NODES = 60;
  private static final String SOURCE = "EXPLAIN output";

  /**
   * One plan node. {@code label} is the parser's description ("Index Scan using orders_pkey on public.orders o"),
   * split into {@code type} and {@code relation}; {@code path} is "Limit > Sort > Seq Scan on public.orders o";
   * {@code marks} are the CSS classes ("hot", "misestimate", "spill"), space separated; {@code details} extra
   * facts (sort method, rows removed by filter).
   */
  public record Node(String label, String type, String relation, boolean hasRelation, String costLabel,
                     String rowsLabel, String actualLabel, boolean hasActual, String shareLabel, String details,
                     boolean hasDetails, boolean hot, boolean misestimate, String estimateLabel, String marks,
                     String path, List<Node> children, boolean hasChildren) {}

  /** One Markdown bullet: {@code indent} is spaces only. */
  public record Line(String indent, String text) {}

  /**
   * The tree of one plan. {@code timed}: ANALYZE timing present (hot by time, else by cost).
   * {@code mdLines}: the depth- and count-limited bullet list; {@code mdOmitted}: nodes left out of it.
   * {@code note}: "unreadable plan: …" when the parser rejected the input; then {@code root} is null, there
   * are no nodes and {@code hasNote} is true.
   */
  public record Tree(Node root, boolean timed, String totalsLabel, int nodes, int hotNodes, int misestimates,
                     List<Line> mdLines, int mdOmitted, String note, boolean hasNote) {}

  private PlanTreeView() {}

  /**
   * The tree; null only when {@code explain} is null. Besides the shapes {@link ExplainParser} reads, a bare
   * plan node (an object with "Node Type" and no "Plan") is accepted.
   */
  public static Tree of(JsonNode explain) {
    if (explain == null) return null;
    ExplainPlan plan;
    try {
      plan = ExplainParser.parse(SOURCE, barePlanNode(explain) ? wrap(explain) : explain);
    } catch (ExplainFormatException e) {
      return unreadable(e);
    }
    PlanNode top = plan.root();
    Double runtime = plan.runtimeMs();
    boolean timed = plan.analyzed() && top.totalTimeMs() != null && runtime != null;
    double whole = Math.max(timed ? runtime : top.totalCost(), 1e-9);
    int[] counts = new int[2];
    Node root = node(top, timed, whole, "", counts);
    List<Line> lines = new ArrayList<>();
    int[] budget = {MD_MAX_NODES};
    lines(root, 0, lines, budget);
    String totals = "";
    if (plan.planningTimeMs() != null) totals += "planning " + ms(plan.planningTimeMs());
    if (plan.executionTimeMs() != null) totals += (totals.isEmpty() ? "" : ", ") + "execution " + ms(plan.executionTimeMs());
    if (totals.isEmpty()) totals = "estimated cost " + fixed(top.totalCost());
    int nodes = plan.nodes().size();
    return new Tree(root, timed, totals, nodes, counts[0], counts[1], List.copyOf(lines),
        nodes - (MD_MAX_NODES - budget[0]), "", false);
  }

  private static boolean barePlanNode(JsonNode n) {
    return n.isObject() && n.has("Node Type") && !n.has("Plan");
  }

  private static JsonNode wrap(JsonNode planNode) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("Plan", planNode);
    return o;
  }

  private static Tree unreadable(ExplainFormatException e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    if (msg.startsWith(SOURCE + ": ")) msg = msg.substring(SOURCE.length() + 2);
    String note = "unreadable plan: " + msg;
    return new Tree(null, false, note, 0, 0, 0, List.of(new Line("", note)), 0, note, true);
  }

  private static Node node(PlanNode n, boolean timed, double whole, String parentPath, int[] counts) {
    String label = n.description();
    int split = relationStart(n, label);
    String type = split < 0 ? label : label.substring(0, split);
    String relation = split < 0 ? "" : label.substring(split + 1);
    String path = parentPath.isEmpty() ? label : parentPath + " > " + label;

    Double exclusiveTime = timed ? n.exclusiveTimeMs() : null;
    double exclusive = timed ? (exclusiveTime == null ? 0 : exclusiveTime) : n.exclusiveCost();
    double share = exclusive / whole;
    boolean hot = share >= HOT_SHARE;

    Double actual = n.actualRows();
    boolean hasActual = actual != null;
    String actualLabel = "";
    boolean mis = false;
    String estimate = "";
    if (hasActual) {
      long loops = n.loops();
      Double perLoop = n.actualTotalTimeMs();
      actualLabel = "actual " + rows(actual) + " rows" + (loops > 1 ? " × " + Human.count(loops) + " loops" : "")
          + (perLoop != null ? ", " + ms(perLoop) + (loops > 1 ? " per loop" : "") : "");
      Double factor = n.misestimateFactor();
      if (!n.neverExecuted() && factor != null && factor >= MISESTIMATE_FACTOR) {
        mis = true;
        estimate = (n.underestimated() ? "under-estimated " : "over-estimated ") + times(factor);
      }
    }
    List<String> details = new ArrayList<>();
    if (n.sortMethod() != null) {
      Double used = n.sortSpaceUsedKb();
      details.add("sort: " + n.sortMethod() + (used != null
          ? ", " + (n.sortSpaceType() == null ? "" : n.sortSpaceType()) + " " + Human.count(used.longValue()) + " kB" : ""));
    }
    Double sortDisk = n.sortDiskKb();
    Double batches = n.hashBatches();
    Double diskUsage = n.diskUsageKb();
    boolean spill = (sortDisk != null && sortDisk > 0) || (batches != null && batches > 1)
        || (diskUsage != null && diskUsage > 0);
    if (batches != null && batches > 1) details.add("hash batches " + Human.count(batches.longValue()));
    Double removed = n.boxed("Rows Removed by Filter");
    if (removed != null) details.add("removed by filter " + rows(removed));
    if (n.filter() != null) details.add("filter " + n.filter());
    if (hot) counts[0]++;
    if (mis) counts[1]++;
    String marks = String.join(" ", (hot ? "hot" : ""), (mis ? "misestimate" : ""), (spill ? "spill" : "")).trim()
        .replaceAll(" +", " ");

    List<Node> children = new ArrayList<>();
    for (PlanNode k : n.children()) children.add(node(k, timed, whole, path, counts));
    return new Node(label, type, relation, !relation.isEmpty(),
        "cost " + fixed(n.startupCost()) + ".." + fixed(n.totalCost()),
        "plan " + rows(n.planRows()) + " rows", actualLabel, hasActual,
        percent(share) + (timed ? " of time" : " of cost"), String.join("; ", details), !details.isEmpty(),
        hot, mis, estimate, marks, path, List.copyOf(children), !children.isEmpty());
  }

  /**
   * Where the relation part of {@code description} starts (the space before "using …" or "on …"), or -1.
   * Searched after the SubPlan prefix; node types themselves hold neither word.
   */
  private static int relationStart(PlanNode n, String description) {
    if (n.indexName() == null && n.qualifiedRelation() == null && n.cteName() == null && n.functionName() == null) {
      return -1;
    }
    int from = n.subplanName() == null ? 0 : n.subplanName().length() + 2;
    int using = n.indexName() == null ? -1 : description.indexOf(" using ", from);
    return using >= 0 ? using : description.indexOf(" on ", from);
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
