package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "cache-hit-ratio", area = Area.PERFORMANCE, checklist = "PRF-5", severity = Severity.MEDIUM,
    summary = "Database reads too many blocks from outside shared buffers")
public final class CacheHitRatioRule implements Rule {
  static final Threshold WARN_PCT = Threshold.of("warnPercent", 95, "medium below this hit ratio (%)");
  static final Threshold INFO_PCT = Threshold.of("infoPercent", 99, "info below this hit ratio (%)");
  static final Threshold MIN_BLOCKS = Threshold.of("minBlocks", 10_000, "ignore databases with fewer block reads + hits");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PCT, INFO_PCT, MIN_BLOCKS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<DatabaseStats> dbs = ctx.require(s.databases(), "databases");
    double warn = ctx.value(WARN_PCT) / 100, info = ctx.value(INFO_PCT) / 100, min = ctx.value(MIN_BLOCKS);
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats db : dbs) {
      long total = db.blocksHit() + db.blocksRead();
      if (total < min || total <= 0) continue;
      double ratio = (double) db.blocksHit() / total;
      if (ratio >= info) continue;
      boolean connected = db.name().equals(s.meta().database());
      out.add(ctx.finding(Location.object("database", null, db.name()),
              "Database " + db.name() + ": buffer cache hit ratio " + Fmt.pctDown(ratio) + " (" + Fmt.count(db.blocksRead())
                  + " blocks read from outside shared buffers of " + Fmt.count(total) + ")")
          .severity(ratio < warn ? Severity.MEDIUM : Severity.INFO)
          .usageBased()
          .evidence("blocksHit", db.blocksHit())
          .evidence("blocksRead", db.blocksRead())
          .evidence("hitRatio", Fmt.pctDown(ratio))
          .evidence("connectedDatabase", connected)
          .evidence("threshold", "medium < " + ctx.value(WARN_PCT) + " %, info < " + ctx.value(INFO_PCT) + " %")
          .remediation("-- reads may still hit the OS page cache; confirm with track_io_timing (blk_read_time).\n"
              + "-- find the tables and queries that read most (pg_statio_user_tables, pg_stat_statements shared_blks_read),\n"
              + "-- fix scans with indexes, or raise shared_buffers (restart) if the working set is larger than it:\n"
              + "-- ALTER SYSTEM SET shared_buffers = '...';  -- rollback: ALTER SYSTEM RESET shared_buffers;")
          .build());
    }
    return out;
  }
}
