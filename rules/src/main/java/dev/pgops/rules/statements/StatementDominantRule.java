package dev.pgops.rules.statements;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "statement-dominant", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.MEDIUM,
    summary = "One statement takes a large share of all statement time")
public final class StatementDominantRule implements Rule {
  static final Threshold WARN_PERCENT = Threshold.of("warnPercent", 30, "medium above this share of total statement time (%)");
  static final Threshold HIGH_PERCENT = Threshold.of("highPercent", 50, "high above this share of total statement time (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PERCENT, HIGH_PERCENT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    double total = st.totalTimeMs();
    double warn = ctx.value(WARN_PERCENT) / 100, high = ctx.value(HIGH_PERCENT) / 100;
    List<Finding> out = new ArrayList<>();
    if (total <= 0) return out;
    for (StatementStats q : st.statements()) {
      double share = q.totalTimeMs() / total;
      if (share <= warn) continue;
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " takes " + Fmt.pctDown(share) + " of all statement time ("
                  + Stmts.ms(q.totalTimeMs()) + " of " + Stmts.ms(total) + "; " + Fmt.count(q.calls()) + " calls, mean "
                  + Stmts.ms(q.meanExecMs()) + ")",
              share > high ? Severity.HIGH : Severity.MEDIUM, true)
          .evidence("share", Fmt.pctDown(share))
          .evidence("totalTime", Stmts.ms(q.totalTimeMs()))
          .evidence("allStatementsTime", Stmts.ms(total))
          .evidence("meanExecTime", Stmts.ms(q.meanExecMs()))
          .evidence("threshold", "medium > " + Fmt.plain(ctx.value(WARN_PERCENT)) + " %, high > "
              + Fmt.plain(ctx.value(HIGH_PERCENT)) + " %")
          .remediation(Stmts.explainFirst(q)
              + "-- a few slow calls: fix the plan (index, rewrite, fresh statistics);\n"
              + "-- many fast calls: call it less (cache, batch, avoid N+1 loops in the application).")
          .build());
    }
    return out;
  }
}
