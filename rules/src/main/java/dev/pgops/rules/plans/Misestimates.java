package dev.pgops.rules.plans;

import dev.pgops.plan.ExplainPlan;
import dev.pgops.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;

/** E01's node selection, shared with E20 and E21 (reference §A3/§A4 skips). */
final class Misestimates {
  private Misestimates() {}

  /** True when the node's actual rows cannot be compared with its estimate. */
  static boolean skipped(PlanNode n) {
    if (n.neverExecuted() || n.actualRows() == null) return true;
    if (n.loops() > 1 && n.actualRows() < 1) return true; // per-loop rounding (before PG18 rows are integers)
    PlanNode child = n;
    for (PlanNode p = n.parent().orElse(null); p != null; child = p, p = p.parent().orElse(null)) {
      if ("Limit".equals(p.nodeType())) return true; // stopped early: fewer rows than planned is expected
      String jt = p.joinType();
      if (jt != null && (jt.startsWith("Semi") || jt.startsWith("Anti")) && "Inner".equals(child.parentRelationship())) {
        return true; // the inner side of a semi/anti join stops at the first match
      }
    }
    return false;
  }

  static boolean misestimated(PlanNode n, double minFactor) {
    return !skipped(n) && n.misestimateFactor() != null && n.misestimateFactor() >= minFactor;
  }

  /** Where a misestimate starts: misestimated nodes none of whose children is misestimated. */
  static List<PlanNode> origins(ExplainPlan p, double minFactor) {
    List<PlanNode> out = new ArrayList<>();
    for (PlanNode n : p.nodes()) {
      if (!misestimated(n, minFactor)) continue;
      if (n.children().stream().noneMatch(c -> misestimated(c, minFactor))) out.add(n);
    }
    return out;
  }
}
