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

@RuleInfo(id = "statement-slow-mean", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.MEDIUM,
    summary = "A frequently called statement is slow on average")
public final class StatementSlowMeanRule implements Rule {
  static final Threshold MIN_CALLS = Threshold.of("minCalls", 100, "ignore statements called fewer times than this");
  static final Threshold WARN_MEAN_MS = Threshold.of("warnMeanMs", 100, "medium from this mean execution time (ms)");
  static final Threshold HIGH_MEAN_MS = Threshold.of("highMeanMs", 10_000, "high from this mean execution time (ms)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_CALLS, WARN_MEAN_MS, HIGH_MEAN_MS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    double minCalls = ctx.value(MIN_CALLS), warn = ctx.value(WARN_MEAN_MS), high = ctx.value(HIGH_MEAN_MS);
    List<Finding> out = new ArrayList<>();
    for (StatementStats q : st.statements()) {
      if (q.calls() < minCalls || q.meanExecMs() < warn) continue;
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " takes " + Stmts.ms(q.meanExecMs()) + " on average over "
                  + Fmt.count(q.calls()) + " calls (max " + Stmts.ms(q.maxExecMs()) + ")",
              q.meanExecMs() >= high ? Severity.HIGH : Severity.MEDIUM, false)
          .evidence("meanExecTime", Stmts.ms(q.meanExecMs()))
          .evidence("maxExecTime", Stmts.ms(q.maxExecMs()))
          .evidence("rowsPerCall", Fmt.num(q.calls() == 0 ? 0 : (double) q.rows() / q.calls()))
          .evidence("threshold", "medium >= " + Fmt.plain(warn) + " ms, high >= " + Fmt.plain(high) + " ms, with >= "
              + Fmt.plain(minCalls) + " calls")
          .remediation(Stmts.explainFirst(q)
              + "-- look for sequential scans on large tables (index the filter / join columns), row misestimates\n"
              + "-- (ANALYZE the tables, extended statistics), sorts and hashes spilling (work_mem for its role), and\n"
              + "-- statements that return or aggregate far more rows than the caller needs (rewrite, paginate).")
          .build());
    }
    return out;
  }
}
