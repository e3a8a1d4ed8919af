package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.plan.PlanNode;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** E05: an index scan that still filters most of the rows it fetched. */
@RuleInfo(id = "plan-index-scan-filtering", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "An index scan fetches rows only to discard most of them with a filter")
public final class IndexScanFilteringRule extends PlanRule {
  static final Threshold MIN_REMOVED_SHARE = Threshold.of("minRemovedShare", 0.5, "report when the filter discards at least this share of fetched rows");
  static final Threshold HIGH_REMOVED_SHARE = Threshold.of("highRemovedShare", 0.9, "medium severity from this share");
  static final Threshold MIN_REMOVED_ROWS = Threshold.of("minRemovedRows", 1000, "ignore scans discarding fewer rows than this (all loops)");

  @Override public List<Threshold> thresholds() { return List.of(MIN_REMOVED_SHARE, HIGH_REMOVED_SHARE, MIN_REMOVED_ROWS); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      String type = n.nodeType();
      if (!type.equals("Index Scan") && !type.equals("Index Only Scan") && !type.equals("Bitmap Heap Scan")) continue;
      double removed = n.totalRowsRemovedByFilter() + n.totalRowsRemovedByJoinFilter();
      double fetched = removed + n.totalRows();
      if (removed < ctx.value(MIN_REMOVED_ROWS) || removed / fetched < ctx.value(MIN_REMOVED_SHARE)) continue;
      double share = removed / fetched;
      boolean noCond = n.indexCond() == null && !type.equals("Bitmap Heap Scan");
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " discarded " + Fmt.pct(share) + " of the "
              + Fmt.count(fetched) + " rows it fetched (Filter " + n.filter() + ")"
              + (noCond ? "; the index has no Index Cond: it is used only for its order" : ""))
          .severity(share >= ctx.value(HIGH_REMOVED_SHARE) ? Severity.MEDIUM : Severity.LOW)
          .evidence("filter", n.filter())
          .evidence("indexCond", n.indexCond())
          .evidence("rowsRemoved", Fmt.plain(removed))
          .evidence("rowsKept", Fmt.plain(n.totalRows()))
          .evidence("removedShare", Fmt.pct(share))
          .evidence("threshold", Fmt.pct(ctx.value(MIN_REMOVED_SHARE)))
          .remediation("-- extend the index (or add one) so the filter becomes part of the Index Cond, e.g. with the\n"
              + "-- filtered column(s) " + String.join(", ", Filters.indexColumns(n.filter())) + " after the indexed one(s):\n"
              + "-- CREATE INDEX CONCURRENTLY ON " + n.qualifiedRelation() + " (<index cond columns>, <filter columns>);"
              + (noCond ? "\n-- ORDER BY … LIMIT walking an index while filtering: an index on (filter columns, order columns) fixes both." : ""))
          .build());
    }
    return out;
  }
}
