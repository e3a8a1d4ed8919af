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

@RuleInfo(id = "xid-wraparound-database", area = Area.MAINTENANCE, checklist = "MNT-1", severity = Severity.MEDIUM,
    summary = "Database transaction-ID age is approaching wraparound")
public final class XidWraparoundDatabaseRule implements Rule {

  @Override
  public List<Threshold> thresholds() {
    return XidLevels.THRESHOLDS;
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<DatabaseStats> dbs = ctx.require(s.databases(), "databases");
    XidLevels lv = XidLevels.of(s, ctx);
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats d : dbs) {
      Severity sev = lv.severity(d.xidAge());
      if (sev == null) continue;
      double share = (double) d.xidAge() / Maint.WRAP_LIMIT;
      out.add(ctx.finding(Location.object("database", null, d.name()),
              "Database " + d.name() + ": transaction-ID age " + Fmt.count(d.xidAge()) + " ("
                  + Fmt.pct(share) + " of the 2^31 wraparound limit; autovacuum_freeze_max_age is "
                  + Fmt.count(lv.freezeMaxAge().value()) + ")")
          .severity(sev)
          .evidence("xidAge", d.xidAge())
          .evidence("percentOfLimit", Fmt.pct(share))
          .evidence("autovacuum_freeze_max_age", Fmt.plain(lv.freezeMaxAge().value()) + " (" + lv.freezeMaxAge().source() + ")")
          .evidence("mediumAbove", Fmt.plain(lv.warn()))
          .evidence("highAbove", Fmt.plain(lv.high()))
          .evidence("criticalFrom", Fmt.plain(lv.critical()) + " (" + lv.criticalSource() + ")")
          .evidence("allowConnections", d.allowConnections())
          .remediation(remediation(d))
          .build());
    }
    return out;
  }

  private static String remediation(DatabaseStats d) {
    String connect = d.allowConnections() ? "-- connect to " + Sql.ident(d.name()) + ", then find the oldest tables:\n"
        : "-- " + d.name() + " does not allow connections: autovacuum freezes it on its own; check that it can\n"
            + "-- (workers free, no xmin horizon held). Otherwise, in any database connect to it after\n"
            + "-- ALTER DATABASE " + Sql.ident(d.name()) + " ALLOW_CONNECTIONS true; (rollback: ALLOW_CONNECTIONS false)\n";
    return "-- 1. Release whatever holds the xmin horizon first (old sessions, prepared transactions, slots):\n"
        + "--    VACUUM cannot freeze past it (see xmin-horizon-held, prepared-transaction-old).\n"
        + connect
        + "SELECT c.oid::regclass AS table_name,\n"
        + "       greatest(age(c.relfrozenxid), age(t.relfrozenxid)) AS xid_age,\n"
        + "       pg_size_pretty(pg_total_relation_size(c.oid)) AS size\n"
        + "FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid\n"
        + "WHERE c.relkind IN ('r', 'm') ORDER BY 2 DESC LIMIT 20;\n"
        + "-- 2. Freeze the oldest tables first, outside peak hours (one at a time):\n"
        + "VACUUM (FREEZE, VERBOSE) schema.table_name;\n"
        + "-- datfrozenxid advances once every table of the database has been frozen past it.";
  }
}
