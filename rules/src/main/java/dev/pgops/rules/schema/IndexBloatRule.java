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
import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "index-bloat", area = Area.MAINTENANCE, checklist = "MNT-6", severity = Severity.MEDIUM,
    summary = "Btree index holds a large share of estimated bloat")
public final class IndexBloatRule implements Rule {
  static final Threshold WARN_PCT = Threshold.of("warnPct", 50, "report when the estimated bloat is at least this share of the index (%)");
  static final Threshold WARN_MB = Threshold.of("warnMb", 100, "...and at least this much wasted space (MB)");
  static final Threshold CRIT_PCT = Threshold.of("critPct", 70, "high when the bloat share reaches this (%)...");
  static final Threshold CRIT_MB = Threshold.of("critMb", 2048, "...and the wasted space reaches this (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PCT, WARN_MB, CRIT_PCT, CRIT_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BloatEstimate> estimates = ctx.require(s.indexBloat(), "index bloat estimates");
    double warnRatio = ctx.value(WARN_PCT) / 100, critRatio = ctx.value(CRIT_PCT) / 100;
    long warnBytes = Bytes.mb(ctx.value(WARN_MB)), critBytes = Bytes.mb(ctx.value(CRIT_MB));
    boolean pg12 = s.meta().version() == null || s.meta().version().atLeast(12);
    List<Finding> out = new ArrayList<>();
    for (BloatEstimate b : estimates) {
      if (b.index() == null) continue;
      long bloat = b.bloatBytes();
      double ratio = b.bloatRatio();
      if (ratio < warnRatio || bloat < warnBytes) continue;
      boolean crit = ratio >= critRatio && bloat >= critBytes;
      String index = Sql.qualified(b.schema(), b.index());
      var f = ctx.finding(Location.object("index", b.schema(), b.index(), b.table()),
              b.schema() + "." + b.index() + " on " + b.table() + ": ~" + Fmt.pctDown(ratio) + " estimated bloat ("
                  + Bytes.human(bloat) + " of " + Bytes.human(b.actualBytes()) + ")")
          .evidence("actualSize", Bytes.human(b.actualBytes()))
          .evidence("expectedSize", Bytes.human(b.expectedBytes()))
          .evidence("bloat", Bytes.human(bloat))
          .evidence("bloatRatio", Fmt.pctDown(ratio))
          .evidence("statsMissing", b.statsMissing())
          .evidence("threshold", "medium >= " + Fmt.plain(ctx.value(WARN_PCT)) + " % and >= " + Bytes.human(warnBytes)
              + "; high >= " + Fmt.plain(ctx.value(CRIT_PCT)) + " % and >= " + Bytes.human(critBytes));
      if (b.statsMissing()) {
        out.add(f.severity(Severity.INFO)
            .remediation("-- the estimate is unreliable: some columns have no statistics. Refresh them, then re-check:\n"
                + "ANALYZE " + Sql.qualified(b.schema(), b.table()) + ";")
            .build());
        continue;
      }
      String fix = pg12
          ? "-- rebuilds the index without blocking reads or writes (PG12+); needs disk space for a second copy,\n"
              + "-- and cannot run inside a transaction block:\n"
              + "REINDEX INDEX CONCURRENTLY " + index + ";\n"
              + "-- if it fails, it leaves an invalid index named *_ccnew: drop that with DROP INDEX CONCURRENTLY\n"
          : "-- before PG12 there is no REINDEX CONCURRENTLY (plain REINDEX blocks writes): build a copy, then swap\n"
              + "-- (not possible this way for an index backing a constraint):\n"
              + "-- CREATE INDEX CONCURRENTLY <new_name> ON ... (same definition);\n"
              + "DROP INDEX CONCURRENTLY " + index + ";\n"
              + "-- ALTER INDEX <new_name> RENAME TO " + Sql.ident(b.index()) + ";\n";
      out.add(f.severity(crit ? Severity.HIGH : Severity.MEDIUM)
          .remediation("-- confirm first: CREATE EXTENSION pgstattuple; SELECT avg_leaf_density FROM pgstatindex('"
              + index.replace("'", "''") + "');\n" + fix)
          .build());
    }
    return out;
  }
}
