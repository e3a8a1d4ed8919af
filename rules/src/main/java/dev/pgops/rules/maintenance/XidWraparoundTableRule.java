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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@RuleInfo(id = "xid-wraparound-table", area = Area.MAINTENANCE, checklist = "MNT-1", severity = Severity.MEDIUM,
    summary = "Table (or its TOAST table) has an old relfrozenxid, approaching transaction-ID wraparound")
public final class XidWraparoundTableRule implements Rule {

  @Override
  public List<Threshold> thresholds() {
    return XidLevels.THRESHOLDS;
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    XidLevels global = XidLevels.of(s, ctx);
    List<Finding> out = new ArrayList<>();
    List<TableStats> sorted = tables.stream().filter(Maint::hasStorage)
        .sorted(Comparator.comparingLong(TableStats::xidAge).reversed()).toList();
    for (TableStats t : sorted) {
      XidLevels lv = global.forTable(Maint.option(t, "autovacuum_freeze_max_age"), ctx);
      Severity sev = lv.severity(t.xidAge());
      if (sev == null) continue;
      double share = (double) t.xidAge() / Maint.WRAP_LIMIT;
      String q = Sql.qualified(t.schema(), t.name());
      out.add(ctx.finding(Maint.location(t),
              t.qualifiedName() + ": transaction-ID age " + Fmt.count(t.xidAge()) + " (table or its TOAST table, "
                  + Fmt.pct(share) + " of the 2^31 wraparound limit), " + Bytes.human(t.totalBytes())
                  + ", last vacuum " + Fmt.ago(t.lastVacuumAny(), ctx))
          .severity(sev)
          .evidence("xidAge", t.xidAge())
          .evidence("percentOfLimit", Fmt.pct(share))
          .evidence("autovacuum_freeze_max_age", Fmt.plain(lv.freezeMaxAge().value()) + " (" + lv.freezeMaxAge().source() + ")")
          .evidence("mediumAbove", Fmt.plain(lv.warn()))
          .evidence("highAbove", Fmt.plain(lv.high()))
          .evidence("criticalFrom", Fmt.plain(lv.critical()) + " (" + lv.criticalSource() + ")")
          .evidence("totalSize", Bytes.human(t.totalBytes()))
          .evidence("lastVacuum", Fmt.when(t.lastVacuum()))
          .evidence("lastAutovacuum", Fmt.when(t.lastAutovacuum()))
          .remediation("-- release whatever holds the xmin horizon first (sessions, prepared transactions, slots),\n"
              + "-- then freeze the table outside peak hours (it reads the whole table; the lock allows reads and writes):\n"
              + "VACUUM (FREEZE, VERBOSE) " + q + ";\n"
              + "-- if an autovacuum \"to prevent wraparound\" is already running on it, let it finish instead.")
          .build());
    }
    return out;
  }
}
