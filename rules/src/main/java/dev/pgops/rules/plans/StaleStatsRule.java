package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.plan.PlanNode;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** E21: a misestimated scan on a table whose statistics are stale (pganalyze: fix stale stats first). */
@RuleInfo(id = "plan-stale-stats", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.MEDIUM,
    summary = "A misestimated plan node scans a table whose statistics are stale")
public final class StaleStatsRule extends PlanRule {
  static final Threshold MIN_FACTOR = Threshold.of("minFactor", 10, "consider scan nodes misestimated by at least this factor");
  static final Threshold MIN_MODIFIED_SHARE = Threshold.of("minModifiedShare", 0.1, "stale when rows modified since the last analyze reach this share of live rows");
  static final Threshold MAX_AGE_DAYS = Threshold.of("maxAgeDays", 30, "stale when the last analyze is older than this (days) and rows changed since");

  @Override public List<Threshold> thresholds() { return List.of(MIN_FACTOR, MIN_MODIFIED_SHARE, MAX_AGE_DAYS); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<TableStats> tables = ctx.require(t.snapshot().tables(), "tables");
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : t.plan().nodes()) {
      if (n.relationName() == null || !Misestimates.misestimated(n, ctx.value(MIN_FACTOR))) continue;
      TableStats ts = find(tables, n);
      if (ts == null) continue;
      Instant last = ts.lastAnalyzeAny();
      double modShare = (double) ts.modsSinceAnalyze() / Math.max(1, ts.liveTuples());
      boolean old = last != null && Duration.between(last, ctx.now()).toDays() >= ctx.value(MAX_AGE_DAYS) && ts.modsSinceAnalyze() > 0;
      if (last != null && modShare < ctx.value(MIN_MODIFIED_SHARE) && !old) continue;
      String why = last == null ? "has never been analyzed"
          : Fmt.count(ts.modsSinceAnalyze()) + " rows (" + Fmt.pct(modShare) + ") changed since its last analyze " + Fmt.ago(last, ctx);
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " is misestimated " + Fmt.num(n.misestimateFactor())
              + "x and " + ts.qualifiedName() + " " + why)
          .evidence("factor", Fmt.num(n.misestimateFactor()))
          .evidence("modsSinceAnalyze", ts.modsSinceAnalyze())
          .evidence("liveTuples", ts.liveTuples())
          .evidence("lastAnalyze", last == null ? "never" : Fmt.when(last))
          .evidence("threshold", Fmt.pct(ctx.value(MIN_MODIFIED_SHARE)) + " modified or " + Fmt.plain(ctx.value(MAX_AGE_DAYS)) + " d")
          .remediation("ANALYZE " + ts.qualifiedName() + ";\n-- then re-check the estimate; if this table changes fast, analyze it more often:\n"
              + "ALTER TABLE " + ts.qualifiedName() + " SET (autovacuum_analyze_scale_factor = 0.02);")
          .build());
    }
    return out;
  }

  @Override
  List<Finding> checkAll(Snapshot s, RuleContext ctx) {
    ctx.require(s.plans(), "plans");
    ctx.require(s.tables(), "tables"); // needed even when no plan has a misestimate: say so up front
    return super.checkAll(s, ctx);
  }

  private static TableStats find(List<TableStats> tables, PlanNode n) {
    TableStats only = null;
    int matches = 0;
    for (TableStats ts : tables) {
      if (!ts.name().equals(n.relationName())) continue;
      if (n.schema() != null) {
        if (ts.schema().equals(n.schema())) return ts;
      } else {
        only = ts;
        matches++;
      }
    }
    return matches == 1 ? only : null;
  }
}
