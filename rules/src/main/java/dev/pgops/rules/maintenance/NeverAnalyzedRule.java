package dev.pgops.rules.maintenance;

import dev.pgops.findings.Finding;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "never-analyzed", area = Area.MAINTENANCE, checklist = "MNT-5", severity = Severity.MEDIUM,
    summary = "Table with data has never been analyzed, so the planner has no statistics for it")
public final class NeverAnalyzedRule implements Rule {
  static final Threshold MIN_SIZE_KB = Threshold.of("minSizeKb", 64,
      "report a table from this size even when its row estimates are zero (kB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SIZE_KB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    long minSize = (long) (ctx.value(MIN_SIZE_KB) * Bytes.KB);
    Instant reset = s.meta().statsReset();
    boolean anyPartitionWithData = tables.stream().anyMatch(t -> t.partition() && hasData(t, minSize));
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (t.lastAnalyze() != null || t.lastAutoanalyze() != null) continue;
      String q = Sql.qualified(t.schema(), t.name());
      if (!Maint.hasStorage(t)) {
        // Autovacuum never analyzes partitioned parents; only a manual ANALYZE gives them statistics.
        if (!anyPartitionWithData) continue;
        out.add(ctx.finding(Maint.location(t),
                "Partitioned table " + t.qualifiedName() + " has never been analyzed: autovacuum does not analyze"
                    + " partitioned parents, so queries on it plan without whole-table statistics")
            .severity(Severity.LOW)
            .evidence("kind", t.kind())
            .evidence("lastAnalyze", "never")
            .evidence("statsReset", Fmt.when(reset))
            .remediation("ANALYZE " + q + ";   -- samples every partition; also analyzes each of them\n"
                + "-- schedule it (e.g. after bulk loads); ANALYZE ONLY " + q + " (PG17+) skips the partitions.")
            .build());
        continue;
      }
      if (!hasData(t, minSize)) continue;
      // Analyze timestamps are cleared by a statistics reset although pg_statistic keeps its rows.
      boolean afterReset = reset != null;
      String msg = t.qualifiedName() + ": never analyzed (" + Fmt.count(Math.max(t.estimatedRows(), t.liveTuples()))
          + " rows, " + Bytes.human(t.tableBytes()) + "): the planner guesses its row counts and value distributions"
          + (afterReset ? " (statistics were reset " + Fmt.ago(reset, ctx) + ": check pg_stats before acting)" : "");
      out.add(ctx.finding(Maint.location(t), msg)
          .severity(afterReset ? Severity.LOW : Severity.MEDIUM)
          .evidence("estimatedRows", t.estimatedRows())
          .evidence("liveTuples", t.liveTuples())
          .evidence("tableSize", Bytes.human(t.tableBytes()))
          .evidence("modsSinceAnalyze", t.modsSinceAnalyze())
          .evidence("lastAnalyze", "never")
          .evidence("lastAutoanalyze", "never")
          .evidence("statsReset", Fmt.when(reset))
          .remediation("-- check whether statistics exist despite the missing timestamp:\n"
              + "SELECT count(*) FROM pg_stats WHERE schemaname = " + Sql.literal(t.schema())
              + " AND tablename = " + Sql.literal(t.name()) + ";\n"
              + "ANALYZE " + q + ";")
          .build());
    }
    return out;
  }

  private static boolean hasData(TableStats t, long minSize) {
    return t.estimatedRows() > 0 || t.liveTuples() > 0 || t.tableBytes() >= minSize;
  }
}
