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

@RuleInfo(id = "statement-high-variance", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.INFO,
    summary = "A statement's execution time varies widely between calls")
public final class StatementHighVarianceRule implements Rule {
  static final Threshold RATIO = Threshold.of("ratio", 3, "report when the standard deviation exceeds this multiple of the mean");
  static final Threshold MIN_CALLS = Threshold.of("minCalls", 100, "ignore statements called fewer times than this");
  static final Threshold MIN_MEAN_MS = Threshold.of("minMeanMs", 10, "ignore statements faster than this on average (ms)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(RATIO, MIN_CALLS, MIN_MEAN_MS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    double ratio = ctx.value(RATIO), minCalls = ctx.value(MIN_CALLS), minMean = ctx.value(MIN_MEAN_MS);
    List<Finding> out = new ArrayList<>();
    for (StatementStats q : st.statements()) {
      if (q.calls() < minCalls || q.meanExecMs() < minMean || q.meanExecMs() <= 0) continue;
      double cv = q.stddevExecMs() / q.meanExecMs();
      if (cv <= ratio) continue;
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " varies widely: mean " + Stmts.ms(q.meanExecMs()) + ", standard deviation "
                  + Stmts.ms(q.stddevExecMs()) + " (" + Fmt.num(cv) + " x), min " + Stmts.ms(q.minExecMs()) + ", max "
                  + Stmts.ms(q.maxExecMs()),
              Severity.INFO, false)
          .evidence("stddevToMean", Fmt.num(cv))
          .evidence("meanExecTime", Stmts.ms(q.meanExecMs()))
          .evidence("stddevExecTime", Stmts.ms(q.stddevExecMs()))
          .evidence("minExecTime", Stmts.ms(q.minExecMs()))
          .evidence("maxExecTime", Stmts.ms(q.maxExecMs()))
          .evidence("threshold", "stddev / mean > " + Fmt.plain(ratio) + ", >= " + Fmt.plain(minCalls) + " calls, mean >= "
              + Fmt.plain(minMean) + " ms")
          .remediation(Stmts.explainFirst(q)
              + "-- a candidate for plan capture: the slow calls may use another plan (parameter values with skewed\n"
              + "-- data, a generic plan after five executions, plan_cache_mode) or wait on locks or I/O. Log them with\n"
              + "-- auto_explain (auto_explain.log_min_duration above the mean) to see the slow plans.")
          .build());
    }
    return out;
  }
}
