package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.plan.Buffers;
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

/** E11: an index-only scan that had to visit the heap (visibility map not set). */
@RuleInfo(id = "plan-heap-fetches", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "An index-only scan fetched rows from the heap because the visibility map is not up to date")
public final class HeapFetchesRule extends PlanRule {
  static final Threshold MIN_FETCHES = Threshold.of("minFetches", 100, "ignore scans with fewer heap fetches than this");
  static final Threshold HIGH_RATIO = Threshold.of("highRatio", 0.4, "medium severity when heap fetches are at least this share of the rows read");

  @Override public List<Threshold> thresholds() { return List.of(MIN_FETCHES, HIGH_RATIO); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.nodeType().equals("Index Only Scan") || n.heapFetches() < ctx.value(MIN_FETCHES)) continue;
      // Heap Fetches is a total over all loops; rows and rows removed are per loop
      double read = n.totalRows() + n.totalRowsRemovedByFilter() + n.totalRowsRemovedByJoinFilter();
      double ratio = read <= 0 ? 1 : Math.min(1, n.heapFetches() / read);
      String rel = n.qualifiedRelation();
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " made " + Fmt.count(n.heapFetches())
              + " heap fetches for " + Fmt.count(read) + " rows (" + Fmt.pct(ratio) + "): the index-only scan is not index-only")
          .severity(ratio >= ctx.value(HIGH_RATIO) ? Severity.MEDIUM : Severity.LOW)
          .evidence("heapFetches", Fmt.plain(n.heapFetches()))
          .evidence("rows", Fmt.plain(read))
          .evidence("ratio", Fmt.pct(ratio))
          .evidence("threshold", Fmt.pct(ctx.value(HIGH_RATIO)))
          .remediation("-- set the visibility map so the scan can skip the heap:\nVACUUM (VERBOSE) " + rel + ";\n"
              + "-- if it comes back, vacuum this table more often:\nALTER TABLE " + rel
              + " SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);")
          .build());
    }
    return out;
  }
}
