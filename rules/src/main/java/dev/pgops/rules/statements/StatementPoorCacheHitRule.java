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
import java.util.Comparator;
import java.util.List;

@RuleInfo(id = "statement-poor-cache-hit", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.LOW,
    summary = "A statement among the top readers finds few of its blocks in shared buffers")
public final class StatementPoorCacheHitRule implements Rule {
  static final Threshold TOP_N = Threshold.of("topN", 20, "only the statements among this many top readers (shared blocks read)");
  static final Threshold MIN_BLOCKS = Threshold.of("minBlocks", 10_000, "ignore statements that touched fewer shared blocks (hit + read)");
  static final Threshold WARN_PERCENT = Threshold.of("warnPercent", 50, "low below this shared-buffer hit ratio (%)");
  static final Threshold HIGH_PERCENT = Threshold.of("highPercent", 20, "medium below this shared-buffer hit ratio (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(TOP_N, MIN_BLOCKS, WARN_PERCENT, HIGH_PERCENT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    double minBlocks = ctx.value(MIN_BLOCKS), warn = ctx.value(WARN_PERCENT) / 100, high = ctx.value(HIGH_PERCENT) / 100;
    long block = Stmts.blockSize(s);
    List<StatementStats> top = st.statements().stream()
        .sorted(Comparator.comparingLong(StatementStats::sharedBlocksRead).reversed())
        .limit((long) ctx.value(TOP_N))
        .toList();
    List<Finding> out = new ArrayList<>();
    for (StatementStats q : top) {
      long touched = q.sharedBlocksHit() + q.sharedBlocksRead();
      if (touched < minBlocks || touched == 0) continue;
      double hit = (double) q.sharedBlocksHit() / touched;
      if (hit >= warn) continue;
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " finds only " + Fmt.pctDown(hit) + " of its blocks in shared buffers ("
                  + Bytes.human(q.sharedBlocksRead() * block) + " read from the OS or disk over " + Fmt.count(q.calls())
                  + " calls)",
              hit < high ? Severity.MEDIUM : Severity.LOW, true)
          .evidence("hitRatio", Fmt.pctDown(hit))
          .evidence("sharedBlocksHit", q.sharedBlocksHit())
          .evidence("sharedBlocksRead", q.sharedBlocksRead())
          .evidence("sharedReadTime", q.sharedReadTimeMs() > 0 ? Stmts.ms(q.sharedReadTimeMs()) : "not tracked (track_io_timing off) or 0")
          .evidence("threshold", "low < " + Fmt.plain(ctx.value(WARN_PERCENT)) + " %, medium < "
              + Fmt.plain(ctx.value(HIGH_PERCENT)) + " %, top " + Fmt.plain(ctx.value(TOP_N)) + " by blocks read, >= "
              + Fmt.plain(minBlocks) + " blocks")
          .remediation(Stmts.explainFirst(q)
              + "-- a sequential scan of a large table reads it through a small ring buffer: an index on the filter\n"
              + "-- columns reads far fewer blocks; a genuine scan of cold data (reports, exports) may be run on a replica.\n"
              + "-- If many statements miss, the working set exceeds shared_buffers (see cache-hit-ratio).")
          .build());
    }
    return out;
  }
}
