package dev.pgops.rules.schema;

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

@RuleInfo(id = "very-large-table", area = Area.MAINTENANCE, checklist = "MNT-10", severity = Severity.INFO,
    summary = "Unpartitioned table is very large (a partitioning candidate)")
public final class VeryLargeTableRule implements Rule {
  static final Threshold INFO_GB = Threshold.of("infoGb", 5, "report (info) from this heap + TOAST size (GB)");
  static final Threshold INFO_ROWS = Threshold.of("infoRows", 25_000_000, "...or from this many rows");
  static final Threshold LOW_GB = Threshold.of("lowGb", 100, "low (partitioning candidate) from this size (GB)");
  static final Threshold LOW_ROWS = Threshold.of("lowRows", 50_000_000, "...or from this many rows");

  @Override
  public List<Threshold> thresholds() {
    return List.of(INFO_GB, INFO_ROWS, LOW_GB, LOW_ROWS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    long infoBytes = Bytes.mb(ctx.value(INFO_GB) * 1024), lowBytes = Bytes.mb(ctx.value(LOW_GB) * 1024);
    double infoRows = ctx.value(INFO_ROWS), lowRows = ctx.value(LOW_ROWS);
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      // Partitions are already split; partitioned parents have no storage of their own.
      if (!"r".equals(t.kind()) || t.partition()) continue;
      long bytes = t.tableBytes() + t.toastBytes();
      long rows = Math.max(t.liveTuples(), t.estimatedRows());
      boolean low = bytes > lowBytes || rows > lowRows;
      if (!low && bytes <= infoBytes && rows <= infoRows) continue;
      String table = Sql.qualified(t.schema(), t.name());
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
              "Table " + t.qualifiedName() + " is " + Bytes.human(bytes) + " with ~" + Fmt.count(rows) + " rows"
                  + " (" + Bytes.human(t.totalBytes()) + " with indexes), unpartitioned"
                  + (low ? ": a partitioning candidate" : ""))
          .severity(low ? Severity.LOW : Severity.INFO)
          .evidence("heapAndToast", Bytes.human(bytes))
          .evidence("total", Bytes.human(t.totalBytes()))
          .evidence("rows", rows)
          .evidence("inserted", t.insertedTuples())
          .evidence("deleted", t.deletedTuples())
          .evidence("threshold", "info > " + Fmt.plain(ctx.value(INFO_GB)) + " GB or > " + Fmt.count((long) infoRows)
              + " rows; low > " + Fmt.plain(ctx.value(LOW_GB)) + " GB or > " + Fmt.count((long) lowRows) + " rows")
          .remediation("-- know how it grows and how old rows leave it; for time-ordered data with bulk deletes,\n"
              + "-- declarative partitioning (PARTITION BY RANGE) turns DELETE into DROP/DETACH PARTITION and keeps\n"
              + "-- vacuum and index builds per partition small. Migration: create the partitioned table, attach the\n"
              + "-- existing one as a partition (ATTACH takes SHARE UPDATE EXCLUSIVE; add a matching validated CHECK\n"
              + "-- first to skip the scan), route new rows to new partitions.\n"
              + "-- Meanwhile, tune autovacuum for it, e.g.:\n"
              + "-- ALTER TABLE " + table + " SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);")
          .build());
    }
    return out;
  }
}
