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
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RuleInfo(id = "low-value-index", area = Area.PERFORMANCE, checklist = "PRF-1", severity = Severity.INFO,
    summary = "Index is scanned far less often than its table is written")
public final class LowValueIndexRule implements Rule {
  static final Threshold MAX_SCANS_PER_WRITE = Threshold.of("maxScansPerWrite", 0.01,
      "report when index scans / table writes (ins + upd + del) is below this");
  static final Threshold MIN_WRITES = Threshold.of("minWrites", 10_000, "ignore tables with fewer writes than this");
  static final Threshold MIN_SIZE_MB = Threshold.of("minSizeMb", 10, "ignore indexes smaller than this (MB)");
  static final Threshold WARN_SIZE_MB = Threshold.of("warnSizeMb", 500, "low instead of info from this index size (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MAX_SCANS_PER_WRITE, MIN_WRITES, MIN_SIZE_MB, WARN_SIZE_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    Map<String, TableStats> tables = ctx.require(s.tables(), "tables").stream()
        .collect(Collectors.toMap(TableStats::qualifiedName, Function.identity(), (a, b) -> a));
    double maxRatio = ctx.value(MAX_SCANS_PER_WRITE);
    double minWrites = ctx.value(MIN_WRITES);
    long minSize = Bytes.mb(ctx.value(MIN_SIZE_MB));
    long warnSize = Bytes.mb(ctx.value(WARN_SIZE_MB));
    List<Finding> out = new ArrayList<>();
    for (IndexStats i : indexes) {
      // 0 scans is unused-index's job; constraint indexes work without being scanned
      if (!i.valid() || i.enforcesSomething() || i.scans() <= 0 || i.sizeBytes() < minSize) continue;
      TableStats t = tables.get(i.qualifiedTable());
      if (t == null) continue;
      long writes = t.insertedTuples() + t.updatedTuples() + t.deletedTuples();
      if (writes <= minWrites) continue;
      double ratio = (double) i.scans() / writes;
      if (ratio >= maxRatio) continue;
      out.add(ctx.finding(Location.object("index", i.schema(), i.name(), i.table()),
              "Index " + i.qualifiedName() + " on " + i.table() + " had " + Fmt.count(i.scans()) + " scans for "
                  + Fmt.count(writes) + " row writes (" + Fmt.num(ratio * 1000) + " scans per 1 000 writes); "
                  + Bytes.human(i.sizeBytes()) + " to maintain")
          .severity(i.sizeBytes() >= warnSize ? Severity.LOW : Severity.INFO)
          .usageBased()
          .evidence("scans", i.scans())
          .evidence("tableWrites", writes)
          .evidence("scansPerWrite", Fmt.num(ratio))
          .evidence("threshold", "scans/writes < " + maxRatio + " with writes > " + (long) minWrites)
          .evidence("size", Bytes.human(i.sizeBytes()))
          .evidence("definition", i.definition())
          .remediation("-- check which queries use it (pg_stat_statements, EXPLAIN) and the replicas' statistics\n"
              + "DROP INDEX CONCURRENTLY " + Sql.qualified(i.schema(), i.name()) + ";\n"
              + "-- rollback:\n" + i.definition() + ";")
          .build());
    }
    return out;
  }
}
