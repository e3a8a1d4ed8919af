package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "table-cache-hit-ratio", area = Area.PERFORMANCE, checklist = "PRF-5", severity = Severity.LOW,
    summary = "Large table's heap blocks are mostly read from outside shared buffers")
public final class TableCacheHitRatioRule implements Rule {
  static final Threshold MIN_SIZE_MB = Threshold.of("minSizeMb", 500, "only tables whose heap is larger than this (MB)");
  static final Threshold WARN_PCT = Threshold.of("warnPercent", 75, "report below this heap hit ratio (%)");
  static final Threshold MIN_BLOCKS = Threshold.of("minBlocks", 10_000, "ignore tables with fewer heap block reads + hits");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SIZE_MB, WARN_PCT, MIN_BLOCKS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    long minSize = Bytes.mb(ctx.value(MIN_SIZE_MB));
    double warn = ctx.value(WARN_PCT) / 100, minBlocks = ctx.value(MIN_BLOCKS);
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      long total = t.heapBlocksHit() + t.heapBlocksRead();
      if (t.tableBytes() <= minSize || total < minBlocks || total <= 0) continue;
      double ratio = (double) t.heapBlocksHit() / total;
      if (ratio >= warn) continue;
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
              t.qualifiedName() + ": heap cache hit ratio " + Fmt.pctDown(ratio) + " on " + Bytes.human(t.tableBytes())
                  + " (" + Fmt.count(t.heapBlocksRead()) + " blocks read from outside shared buffers)")
          .usageBased()
          .evidence("heapBlocksHit", t.heapBlocksHit())
          .evidence("heapBlocksRead", t.heapBlocksRead())
          .evidence("hitRatio", Fmt.pctDown(ratio))
          .evidence("tableSize", Bytes.human(t.tableBytes()))
          .evidence("seqScans", t.seqScans())
          .evidence("threshold", "< " + ctx.value(WARN_PCT) + " % on tables > " + (long) ctx.value(MIN_SIZE_MB) + " MB")
          .remediation("-- usually sequential scans or wide range scans over cold data: find them in pg_stat_statements\n"
              + "-- and add selective indexes, archive / partition old rows, or size shared_buffers for the hot set")
          .build());
    }
    return out;
  }
}
