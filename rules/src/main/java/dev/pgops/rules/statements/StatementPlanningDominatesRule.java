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
import java.util.Comparator;
import java.util.List;

@RuleInfo(id = "statement-planning-dominates", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.LOW,
    summary = "A statement spends more time being planned than executed")
public final class StatementPlanningDominatesRule implements Rule {
  static final Threshold MIN_PLANS = Threshold.of("minPlans", 100, "ignore statements planned fewer times than this");
  static final Threshold RATIO = Threshold.of("ratio", 1, "report when total plan time exceeds this multiple of total execution time");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_PLANS, RATIO);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    if (!st.trackPlanning()) {
      throw ctx.notEvaluated("insufficient evidence: pg_stat_statements.track_planning is off, so plan time is not "
          + "recorded (enable it to evaluate this check)");
    }
    double minPlans = ctx.value(MIN_PLANS), ratio = ctx.value(RATIO);
    List<Finding> out = new ArrayList<>();
    for (StatementStats q : st.statements()) {
      if (q.plans() < minPlans || q.totalPlanMs() <= ratio * q.totalExecMs()) continue;
      double meanPlan = q.totalPlanMs() / q.plans();
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " spends more time planning than executing (plan "
                  + Stmts.ms(q.totalPlanMs()) + " vs execution " + Stmts.ms(q.totalExecMs()) + "; "
                  + Fmt.count(q.plans()) + " plans, " + Stmts.ms(meanPlan) + " each)",
              Severity.LOW, true)
          .evidence("totalPlanTime", Stmts.ms(q.totalPlanMs()))
          .evidence("totalExecTime", Stmts.ms(q.totalExecMs()))
          .evidence("plans", q.plans())
          .evidence("meanPlanTime", Stmts.ms(meanPlan))
          .evidence("threshold", "plan time > " + Fmt.plain(ratio) + " x execution time, >= " + Fmt.plain(minPlans) + " plans")
          .remediation(Stmts.explainFirst(q)
              + "-- plan once, execute many times: use prepared statements (server-side) in the driver; with PgBouncer\n"
              + "-- in transaction mode this needs max_prepared_statements (1.21+). Cut the planner's work: fewer\n"
              + "-- partitions not pruned at plan time, fewer joins (join_collapse_limit), no huge IN lists.")
          .build());
    }
    return out;
  }
}
