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
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "prepared-transaction-old", area = Area.MAINTENANCE, checklist = "MNT-2", severity = Severity.MEDIUM,
    summary = "A prepared (two-phase) transaction has been left open")
public final class PreparedTransactionOldRule implements Rule {
  static final Threshold WARN_MINUTES = Threshold.of("warnMinutes", 5, "medium when prepared longer ago than this (minutes)");
  static final Threshold HIGH_MINUTES = Threshold.of("highMinutes", 60, "high when prepared longer ago than this (minutes)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_MINUTES, HIGH_MINUTES);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    double warn = ctx.value(WARN_MINUTES) * 60;
    double high = ctx.value(HIGH_MINUTES) * 60;
    List<Finding> out = new ArrayList<>();
    for (Activity.PreparedXact p : a.preparedXacts()) {
      if (p.ageSec() <= warn) continue;
      String age = Fmt.age(p.ageSec());
      String gid = Sql.literal(p.gid());
      out.add(ctx.finding(Location.object("session", null, "prepared transaction " + p.gid()),
              "Prepared transaction " + gid + " in " + p.database() + " (owner " + p.owner() + ") has been open for "
                  + age + "; it holds its locks and the xmin horizon (" + Fmt.count(p.xidAge()) + " transactions behind)")
          .severity(p.ageSec() > high ? Severity.HIGH : Severity.MEDIUM)
          .evidence("gid", p.gid())
          .evidence("owner", p.owner())
          .evidence("database", p.database())
          .evidence("age", age)
          .evidence("xidAge", p.xidAge())
          .evidence("mediumAfter", Fmt.plain(warn / 60) + " min")
          .evidence("highAfter", Fmt.plain(high / 60) + " min")
          .remediation("-- ask the transaction manager that prepared it first: it decides commit or rollback.\n"
              + "-- Then, connected to " + Sql.ident(p.database()) + " as " + Sql.ident(p.owner()) + " or a superuser, either\n"
              + "COMMIT PREPARED " + gid + ";\n"
              + "-- or\n"
              + "ROLLBACK PREPARED " + gid + ";\n"
              + "-- neither can be undone. If two-phase commit is not used on purpose, set max_prepared_transactions = 0.")
          .build());
    }
    return out;
  }
}
