package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "rollback-ratio", area = Area.PERFORMANCE, checklist = "PRF-6", severity = Severity.LOW,
    summary = "Large share of the database's transactions roll back")
public final class RollbackRatioRule implements Rule {
  static final Threshold WARN_PCT = Threshold.of("warnPercent", 5, "low above this rollback share (%)");
  static final Threshold CRIT_PCT = Threshold.of("critPercent", 20, "medium above this rollback share (%)");
  static final Threshold MIN_XACTS = Threshold.of("minTransactions", 1_000, "ignore databases with fewer transactions");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PCT, CRIT_PCT, MIN_XACTS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<DatabaseStats> dbs = ctx.require(s.databases(), "databases");
    double warn = ctx.value(WARN_PCT) / 100, crit = ctx.value(CRIT_PCT) / 100, min = ctx.value(MIN_XACTS);
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats db : dbs) {
      long total = db.xactCommit() + db.xactRollback();
      if (total < min || total <= 0) continue;
      double ratio = (double) db.xactRollback() / total;
      if (ratio <= warn) continue;
      out.add(ctx.finding(Location.object("database", null, db.name()),
              "Database " + db.name() + ": " + Fmt.pctDown(ratio) + " of transactions rolled back ("
                  + Fmt.count(db.xactRollback()) + " of " + Fmt.count(total) + ")")
          .severity(ratio > crit ? Severity.MEDIUM : Severity.LOW)
          .usageBased()
          .evidence("xactCommit", db.xactCommit())
          .evidence("xactRollback", db.xactRollback())
          .evidence("rollbackRatio", Fmt.pctDown(ratio))
          .evidence("threshold", "low > " + ctx.value(WARN_PCT) + " %, medium > " + ctx.value(CRIT_PCT) + " %")
          .remediation("-- find the failing statements in the server log (log_min_error_statement = error),\n"
              + "-- or an application / ORM that rolls back read-only transactions by design (harmless).")
          .build());
    }
    return out;
  }
}
