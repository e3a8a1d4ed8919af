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

@RuleInfo(id = "table-bloat", area = Area.MAINTENANCE, checklist = "MNT-6", severity = Severity.MEDIUM,
    summary = "Table holds a large share of estimated bloat (dead or free space)")
public final class TableBloatRule implements Rule {
  static final Threshold WARN_PCT = Threshold.of("warnPct", 40, "report when the estimated bloat is at least this share of the table (%)");
  static final Threshold WARN_MB = Threshold.of("warnMb", 100, "...and at least this much wasted space (MB)");
  static final Threshold CRIT_PCT = Threshold.of("critPct", 90, "high when the bloat share reaches this (%), with at least warnMb wasted");
  static final Threshold CRIT_MB = Threshold.of("critMb", 10240, "high (and reported whatever the share) from this much wasted space (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PCT, WARN_MB, CRIT_PCT, CRIT_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BloatEstimate> estimates = ctx.require(s.tableBloat(), "table bloat estimates");
    double warnRatio = ctx.value(WARN_PCT) / 100, critRatio = ctx.value(CRIT_PCT) / 100;
    long warnBytes = Bytes.mb(ctx.value(WARN_MB)), critBytes = Bytes.mb(ctx.value(CRIT_MB));
    List<Finding> out = new ArrayList<>();
    for (BloatEstimate b : estimates) {
      if (b.index() != null) continue;
      long bloat = b.bloatBytes();
      double ratio = b.bloatRatio();
      boolean warn = ratio >= warnRatio && bloat >= warnBytes;
      boolean crit = bloat >= critBytes || (ratio >= critRatio && bloat >= warnBytes);
      if (!warn && !crit) continue;
      String table = Sql.qualified(b.schema(), b.table());
      String figures = "~" + Fmt.pctDown(ratio) + " estimated bloat (" + Bytes.human(bloat) + " of " + Bytes.human(b.actualBytes()) + ")";
      var f = ctx.finding(Location.object("table", b.schema(), b.table()), b.schema() + "." + b.table() + ": " + figures)
          .evidence("actualSize", Bytes.human(b.actualBytes()))
          .evidence("expectedSize", Bytes.human(b.expectedBytes()))
          .evidence("bloat", Bytes.human(bloat))
          .evidence("bloatRatio", Fmt.pctDown(ratio))
          .evidence("statsMissing", b.statsMissing())
          .evidence("threshold", "medium >= " + Fmt.plain(ctx.value(WARN_PCT)) + " % and >= " + Bytes.human(warnBytes)
              + "; high >= " + Fmt.plain(ctx.value(CRIT_PCT)) + " % or >= " + Bytes.human(critBytes));
      if (b.statsMissing()) {
        // Columns without statistics make the width prediction, and so the estimate, unreliable.
        out.add(f.severity(Severity.INFO)
            .remediation("-- the estimate is unreliable: some columns have no statistics. Refresh them, then re-check:\n"
                + "ANALYZE " + table + ";")
            .build());
        continue;
      }
      out.add(f.severity(crit ? Severity.HIGH : Severity.MEDIUM)
          .remediation("-- confirm first (reads the whole table): CREATE EXTENSION pgstattuple; SELECT * FROM pgstattuple('"
              + table.replace("'", "''") + "');\n"
              + "-- online rewrite (extension pg_repack; brief ACCESS EXCLUSIVE locks only at start and end,\n"
              + "-- needs free disk space for a full copy of the table and its indexes):\n"
              + "--   pg_repack --table=" + table + " <dbname>\n"
              + "-- offline: VACUUM FULL holds an ACCESS EXCLUSIVE lock for the whole rewrite (blocks reads and\n"
              + "-- writes) and also needs room for a full copy:\n"
              + "VACUUM (FULL, ANALYZE) " + table + ";\n"
              + "-- if updates cause the bloat, leave room for HOT updates (applies to pages written afterwards):\n"
              + "ALTER TABLE " + table + " SET (fillfactor = 90);\n"
              + "-- rollback of the fillfactor change: ALTER TABLE " + table + " RESET (fillfactor);\n"
              + "-- and find why autovacuum falls behind (long transactions, slots, cost limits) or it comes back")
          .build());
    }
    return out;
  }
}
