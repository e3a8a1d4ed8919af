package dev.pgops.rules.statements;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.Statements;
import java.util.List;

@RuleInfo(id = "pg-stat-statements-dealloc", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.LOW,
    summary = "pg_stat_statements.max is too small: entries are being evicted")
public final class PgStatStatementsDeallocRule implements Rule {
  static final Threshold FULL_PERCENT = Threshold.of("fullPercent", 90, "report when entries reach this share of pg_stat_statements.max (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(FULL_PERCENT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    long dealloc = st.deallocations() == null ? 0 : st.deallocations();
    double fill = st.max() > 0 ? (double) st.entries() / st.max() : 0;
    boolean full = st.max() > 0 && fill >= ctx.value(FULL_PERCENT) / 100;
    if (st.deallocations() == null && st.max() <= 0) {
      throw ctx.notEvaluated("neither deallocations (pg_stat_statements_info, extension 1.9+) nor pg_stat_statements.max known");
    }
    if (dealloc <= 0 && !full) return List.of();
    String since = st.statsReset() == null ? "" : " in the " + Fmt.ago(st.statsReset(), ctx).replace(" ago", "") + " since its reset";
    String why = dealloc > 0
        ? Fmt.count(dealloc) + " deallocations" + since + " (" + Fmt.count(st.entries()) + " of " + Fmt.count(st.max()) + " entries)"
        : Fmt.count(st.entries()) + " of " + Fmt.count(st.max()) + " entries in use (" + Fmt.pctDown(fill) + ")";
    long suggested = Math.max(10_000, st.max() * 2);
    return List.of(ctx.finding(Location.object("setting", null, "pg_stat_statements.max"),
            "pg_stat_statements.max too small: statistics are being evicted, the window is unreliable: " + why)
        .severity(Severity.LOW)
        .evidence("deallocations", st.deallocations() == null ? "unknown (extension before 1.9)" : String.valueOf(dealloc))
        .evidence("entries", st.entries())
        .evidence("max", st.max())
        .evidence("fill", Fmt.pctDown(fill))
        .evidence("track", st.track())
        .evidence("statsReset", Fmt.when(st.statsReset()))
        .evidence("threshold", "any deallocation, or entries >= " + Fmt.plain(ctx.value(FULL_PERCENT)) + " % of max")
        .remediation("-- evicted entries take their counters with them, so totals and shares undercount; each entry costs\n"
            + "-- a little shared memory (the texts live in a file), so a larger max is cheap. Needs a restart:\n"
            + "ALTER SYSTEM SET pg_stat_statements.max = " + suggested + ";\n"
            + "-- rollback: ALTER SYSTEM SET pg_stat_statements.max = " + st.max() + ";  (restart)\n"
            + "-- many near-identical entries (unparameterised IN lists, temp table names, track = all) inflate the count:\n"
            + "-- fix those in the application rather than raising max without end.")
        .build());
  }
}
