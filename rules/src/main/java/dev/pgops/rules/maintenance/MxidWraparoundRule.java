package dev.pgops.rules.maintenance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "mxid-wraparound", area = Area.MAINTENANCE, checklist = "MNT-1", severity = Severity.MEDIUM,
    summary = "Database MultiXact-ID age is approaching wraparound")
public final class MxidWraparoundRule implements Rule {
  static final Threshold WARN_FACTOR = Threshold.of("warnFactor", 1.5,
      "medium above autovacuum_multixact_freeze_max_age times this factor");
  static final Threshold HIGH_AGE = Threshold.of("highAge", 1_000_000_000, "high above this MultiXact-ID age");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_FACTOR, HIGH_AGE);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<DatabaseStats> dbs = ctx.require(s.databases(), "databases");
    Maint.Num freeze = Maint.setting(s, "autovacuum_multixact_freeze_max_age", 400_000_000);
    double warn = freeze.value() * ctx.value(WARN_FACTOR);
    double high = ctx.value(HIGH_AGE);
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats d : dbs) {
      Severity sev = d.mxidAge() > high ? Severity.HIGH : d.mxidAge() > warn ? Severity.MEDIUM : null;
      if (sev == null) continue;
      double share = (double) d.mxidAge() / Maint.WRAP_LIMIT;
      out.add(ctx.finding(Location.object("database", null, d.name()),
              "Database " + d.name() + ": MultiXact-ID age " + Fmt.count(d.mxidAge()) + " (" + Fmt.pct(share)
                  + " of the 2^31 wraparound limit; autovacuum_multixact_freeze_max_age is "
                  + Fmt.count(freeze.value()) + ")")
          .severity(sev)
          .evidence("mxidAge", d.mxidAge())
          .evidence("percentOfLimit", Fmt.pct(share))
          .evidence("autovacuum_multixact_freeze_max_age", Fmt.plain(freeze.value()) + " (" + freeze.source() + ")")
          .evidence("mediumAbove", Fmt.plain(warn))
          .evidence("highAbove", Fmt.plain(high))
          .remediation("-- connect to " + Sql.ident(d.name()) + " and find the tables with the oldest relminmxid:\n"
              + "SELECT oid::regclass AS table_name, mxid_age(relminmxid) AS mxid_age,\n"
              + "       pg_size_pretty(pg_total_relation_size(oid)) AS size\n"
              + "FROM pg_class WHERE relkind IN ('r', 'm', 't') ORDER BY 2 DESC LIMIT 20;\n"
              + "-- freeze them, oldest first (releases old MultiXacts); end long transactions first:\n"
              + "VACUUM (FREEZE, VERBOSE) schema.table_name;\n"
              + "-- frequent SELECT ... FOR SHARE / FOR KEY SHARE (e.g. foreign-key checks) create MultiXacts.")
          .build());
    }
    return out;
  }
}
