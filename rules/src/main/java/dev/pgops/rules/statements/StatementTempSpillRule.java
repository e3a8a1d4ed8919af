package dev.pgops.rules.statements;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "statement-temp-spill", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.MEDIUM,
    summary = "A statement writes large temporary files on every call")
public final class StatementTempSpillRule implements Rule {
  static final Threshold WARN_BLOCKS_PER_CALL = Threshold.of("warnBlocksPerCall", 12_800,
      "medium above this many temp blocks written per call (12,800 = 100 MB at 8 kB)");
  static final Threshold HIGH_BLOCKS_PER_CALL = Threshold.of("highBlocksPerCall", 131_072,
      "high above this many temp blocks written per call (131,072 = 1 GB at 8 kB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_BLOCKS_PER_CALL, HIGH_BLOCKS_PER_CALL);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    double warn = ctx.value(WARN_BLOCKS_PER_CALL), high = ctx.value(HIGH_BLOCKS_PER_CALL);
    long block = Stmts.blockSize(s);
    List<Finding> out = new ArrayList<>();
    for (StatementStats q : st.statements()) {
      if (q.calls() <= 0) continue;
      double perCall = (double) q.tempBlocksWritten() / q.calls();
      if (perCall <= warn) continue;
      String perCallBytes = Bytes.human((long) (perCall * block));
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " writes " + perCallBytes + " of temporary files per call ("
                  + Bytes.human(q.tempBlocksWritten() * block) + " over " + Fmt.count(q.calls()) + " calls)",
              perCall > high ? Severity.HIGH : Severity.MEDIUM, false)
          .evidence("tempBlocksWrittenPerCall", Fmt.plain(Math.round(perCall)))
          .evidence("tempPerCall", perCallBytes)
          .evidence("tempBlocksWritten", q.tempBlocksWritten())
          .evidence("blockSize", block)
          .evidence("threshold", "medium > " + Fmt.plain(warn) + " blocks/call, high > " + Fmt.plain(high) + " blocks/call")
          .remediation(Stmts.explainFirst(q)
              + "-- find the Sort / Hash / HashAggregate nodes with 'Disk' or 'Batches' > 1; avoid the sort with an\n"
              + "-- index in the ORDER BY / GROUP BY order, or reduce the rows sorted; only then raise work_mem, for\n"
              + "-- its role, not globally (each sort or hash in each session may use it):\n"
              + Stmts.workMemForRole(q, "256MB"))
          .build());
    }
    return out;
  }
}
