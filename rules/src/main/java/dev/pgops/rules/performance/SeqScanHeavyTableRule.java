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
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "seq-scan-heavy-table", area = Area.PERFORMANCE, checklist = "PRF-4", severity = Severity.MEDIUM,
    summary = "Large table is read mostly by sequential scans")
public final class SeqScanHeavyTableRule implements Rule {
  static final Threshold MIN_ROWS = Threshold.of("minRows", 10_000, "ignore tables with fewer estimated rows");
  static final Threshold MIN_SEQ_SCANS = Threshold.of("minSeqScans", 50, "ignore tables with fewer sequential scans");
  static final Threshold WARN_RATIO = Threshold.of("warnRatio", 10, "medium when seq scans >= this x index scans");
  static final Threshold CRIT_ROWS = Threshold.of("critRows", 50_000, "high from this many estimated rows ...");
  static final Threshold CRIT_RATIO = Threshold.of("critRatio", 50, "... and seq scans >= this x index scans");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_ROWS, MIN_SEQ_SCANS, WARN_RATIO, CRIT_ROWS, CRIT_RATIO);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    double minRows = ctx.value(MIN_ROWS), minSeq = ctx.value(MIN_SEQ_SCANS), warnRatio = ctx.value(WARN_RATIO);
    double critRows = ctx.value(CRIT_ROWS), critRatio = ctx.value(CRIT_RATIO);
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      // partitioned parents have no storage: their partitions carry the scan counters
      if ("p".equals(t.kind()) || t.estimatedRows() < minRows || t.seqScans() < minSeq) continue;
      if (t.seqScans() < warnRatio * t.idxScans()) continue;
      boolean crit = t.estimatedRows() >= critRows && t.seqScans() >= critRatio * t.idxScans();
      String ratio = t.idxScans() == 0 ? "no index scans" : Fmt.num((double) t.seqScans() / t.idxScans()) + " x index scans";
      long perScan = t.seqTuplesRead() / Math.max(1, t.seqScans());
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
              t.qualifiedName() + ": " + Fmt.count(t.seqScans()) + " sequential scans vs " + Fmt.count(t.idxScans())
                  + " index scans (" + ratio + ") on " + Fmt.count(t.estimatedRows()) + " rows, "
                  + Fmt.count(perScan) + " rows read per sequential scan")
          .severity(crit ? Severity.HIGH : Severity.MEDIUM)
          .usageBased()
          .evidence("seqScans", t.seqScans())
          .evidence("idxScans", t.idxScans())
          .evidence("seqTuplesRead", t.seqTuplesRead())
          .evidence("seqTuplesReadPerScan", perScan)
          .evidence("estimatedRows", t.estimatedRows())
          .evidence("tableSize", Bytes.human(t.tableBytes()))
          .evidence("threshold", "medium: >= " + (long) minRows + " rows, seq >= " + (long) warnRatio
              + " x idx and >= " + (long) minSeq + "; high: >= " + (long) critRows + " rows and >= " + (long) critRatio + " x")
          .remediation("-- find the queries that scan it (pg_stat_statements), then EXPLAIN them, e.g.\n"
              + "-- SELECT query, calls, rows FROM pg_stat_statements WHERE query ILIKE '%" + t.name().replace("'", "''")
              + "%' ORDER BY total_exec_time DESC LIMIT 20;\n"
              + "-- add an index for their WHERE / JOIN columns:\n"
              + "-- CREATE INDEX CONCURRENTLY ... ON " + Sql.qualified(t.schema(), t.name())
              + " (...);  -- rollback: DROP INDEX CONCURRENTLY ...;")
          .build());
    }
    return out;
  }
}
