package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.plan.PlanNode;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** E18: a Memoize cache that mostly misses and evicts (PG14+). */
@RuleInfo(id = "plan-memoize-thrash", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.LOW,
    summary = "A Memoize cache mostly missed and evicted entries")
public final class MemoizeThrashRule extends PlanRule {
  static final Threshold MIN_HIT_RATIO = Threshold.of("minHitRatio", 0.5, "report when the cache hit ratio is below this and entries were evicted");

  @Override public List<Threshold> thresholds() { return List.of(MIN_HIT_RATIO); }
  @Override Set<Need> needs() { return analyze(); }

  @Override
  List<Finding> check(Target t, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (PlanNode n : executed(t.plan())) {
      if (!n.nodeType().equals("Memoize")) continue;
      double lookups = n.cacheHits() + n.cacheMisses();
      if (lookups == 0) continue;
      double ratio = n.cacheHits() / lookups;
      boolean thrash = ratio < ctx.value(MIN_HIT_RATIO) && n.cacheEvictions() > 0;
      if (!thrash && n.cacheOverflows() <= 0) continue;
      out.add(nodeFinding(ctx, t, n, at(n) + " in " + t.what() + " hit its cache " + Fmt.pctDown(ratio) + " of "
              + Fmt.count(lookups) + " lookups with " + Fmt.count(n.cacheEvictions()) + " evictions and "
              + Fmt.count(n.cacheOverflows()) + " overflows")
          .evidence("cacheHits", Fmt.plain(n.cacheHits()))
          .evidence("cacheMisses", Fmt.plain(n.cacheMisses()))
          .evidence("cacheEvictions", Fmt.plain(n.cacheEvictions()))
          .evidence("cacheOverflows", Fmt.plain(n.cacheOverflows()))
          .evidence("hitRatio", Fmt.pctDown(ratio))
          .evidence("threshold", Fmt.pct(ctx.value(MIN_HIT_RATIO)))
          .remediation(workMemFix(n.peakMemoryKb() == null ? 4096 : n.peakMemoryKb() * 4, "the Memoize cache")
              + "\n-- if the hit ratio stays low, the key has too many distinct values: compare with SET LOCAL enable_memoize = off.")
          .build());
    }
    return out;
  }
}
