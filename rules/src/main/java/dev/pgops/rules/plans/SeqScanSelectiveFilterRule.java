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
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.IndexStats;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** E04: a sequential scan that throws away most of the rows it reads (depesz Hinter INDEXABLE_SEQSCAN). */
@RuleInfo(id = "plan-seq-scan-selective-filter", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "A sequential scan discards most of the rows it reads: an index candidate")
public final class SeqScanSelectiveFilterRule extends PlanRule {
  static final Threshold MIN_REMOVED_RATIO = Threshold.of("minRemovedRatio", 2, "rows removed by the filter must exceed this multiple of the rows kept");
  static final Threshold MIN_ROWS = Threshold.of("minRows", 10000, "ignore scans that read fewer rows than this (kept + removed, all loops)");
  static final Threshold MIN_BYTES = Threshold.of("minBytes", 3 * 8192, "ignore scans reading less than this (bytes: rows x Plan Width, or blocks touched x 8 kB when larger)");

  @Override public List<Threshold> thresholds() { return List.of(MIN_REMOVED_RATIO, MIN_ROWS, MIN_BYTES); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.nodeType().endsWith("Seq Scan") || n.filter() == null) continue;
      double kept = n.totalRows(), removed = n.totalRowsRemovedByFilter();
      double read = kept + removed;
      // Hinter estimates the bytes read as rows x Plan Width; that width is 0 for count(*), so with BUFFERS the
      // blocks the scan touched count too
      var b = n.exclusiveBuffers();
      double bytes = Math.max(read * n.planWidth(), (b.sharedHit() + b.sharedRead() + b.localHit() + b.localRead()) * 8192.0);
      if (removed <= ctx.value(MIN_REMOVED_RATIO) * kept || read < ctx.value(MIN_ROWS) || bytes <= ctx.value(MIN_BYTES)) continue;
      String ddl = Filters.indexDdl(n);
      IndexStats existing = ddl == null ? null : existingIndex(t, n, Filters.indexColumns(n.filter()).get(0));
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " read " + Fmt.count(read) + " rows and discarded "
              + Fmt.pct(removed / read) + " of them (kept " + Fmt.count(kept) + ") with Filter " + n.filter())
          .evidence("filter", n.filter())
          .evidence("rowsKept", Fmt.plain(kept))
          .evidence("rowsRemoved", Fmt.plain(removed))
          .evidence("removedShare", Fmt.pct(removed / read))
          .evidence("loops", n.loops())
          .evidence("threshold", "removed > " + Fmt.plain(ctx.value(MIN_REMOVED_RATIO)) + " x kept, >= "
              + Fmt.plain(ctx.value(MIN_ROWS)) + " rows read")
          .remediation(existing != null
              ? "-- " + existing.qualifiedName() + " already starts with " + existing.keyColumns().get(0)
                  + ", yet the planner scanned the table: check that the filter's operator and types match the index\n"
                  + "-- (no cast or function on the column, same collation), and that the statistics are current:\n"
                  + "ANALYZE " + Sql.qualified(existing.schema(), existing.table()) + ";"
              : ddl != null
              ? "-- an index on the filtered column(s), built without blocking writes:\n" + ddl
                  + "\n-- then check the plan uses it; drop it again if it does not."
              : "-- the filter is not a simple column comparison: consider an expression or partial index matching\n-- " + n.filter())
          .evidence(existing == null ? "suggestedIndex" : "existingIndex",
              existing == null ? (ddl == null ? "none (filter not a simple column comparison)" : ddl) : existing.qualifiedName())
          .build());
    }
    return out;
  }

  /**
   * A valid, non-partial btree index on the scanned table that already leads with the suggested column
   * (when the snapshot has the indexes section): suggesting it again would be a false lead.
   */
  private static IndexStats existingIndex(Target t, PlanNode n, String column) {
    if (t.snapshot() == null || n.relationName() == null) return null;
    List<IndexStats> indexes = t.snapshot().indexes().collected().orElse(List.of());
    for (IndexStats i : indexes) {
      if (!i.valid() || i.predicate() != null || !"btree".equals(i.method()) || i.keyColumns().isEmpty()) continue;
      if (!i.table().equals(n.relationName()) || (n.schema() != null && !i.schema().equals(n.schema()))) continue;
      if (i.keyColumns().get(0).equals(column)) return i;
    }
    return null;
  }
}
