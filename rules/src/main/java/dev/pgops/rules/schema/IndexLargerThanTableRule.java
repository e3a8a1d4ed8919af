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
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "index-larger-than-table", area = Area.MAINTENANCE, checklist = "MNT-6", severity = Severity.INFO,
    summary = "A table's indexes together are much larger than the table")
public final class IndexLargerThanTableRule implements Rule {
  static final Threshold RATIO = Threshold.of("ratio", 2, "report when the indexes are more than this many times the table (heap + TOAST)");
  static final Threshold MIN_TABLE_MB = Threshold.of("minTableMb", 2, "ignore tables (heap + TOAST) up to this size (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(RATIO, MIN_TABLE_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    List<IndexStats> indexes = s.indexes().collected().orElse(List.of()); // optional: names the biggest
    double ratio = ctx.value(RATIO);
    long minBytes = Bytes.mb(ctx.value(MIN_TABLE_MB));
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if ("p".equals(t.kind())) continue; // partitioned parents have no storage
      // Heap + TOAST: a table whose data lives mostly in TOAST is not small.
      long data = t.tableBytes() + t.toastBytes();
      if (data <= minBytes || t.indexesBytes() <= ratio * data) continue;
      List<IndexStats> own = indexes.stream()
          .filter(i -> i.schema().equals(t.schema()) && i.table().equals(t.name()))
          .sorted(Comparator.comparingLong(IndexStats::sizeBytes).reversed()).limit(5).toList();
      String biggest = String.join(", ", own.stream().map(i -> i.name() + " " + Bytes.human(i.sizeBytes())).toList());
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
              "Indexes of " + t.qualifiedName() + " take " + Bytes.human(t.indexesBytes()) + ", "
                  + String.format(Locale.ROOT, "%.1f", (double) t.indexesBytes() / data) + " times the table ("
                  + Bytes.human(data) + ")")
          .evidence("indexesSize", Bytes.human(t.indexesBytes()))
          .evidence("tableSize", Bytes.human(data))
          .evidence("largestIndexes", biggest)
          .evidence("threshold", "> " + Fmt.plain(ratio) + " x table, table > " + Bytes.human(minBytes))
          .remediation("-- look for unused, duplicate or bloated indexes on this table (see those findings);\n"
              + "-- a bloated btree shrinks with REINDEX INDEX CONCURRENTLY <index>; (PG12+, does not block writes)\n"
              + "-- many overlapping multi-column indexes can often be merged into fewer")
          .build());
    }
    return out;
  }
}
