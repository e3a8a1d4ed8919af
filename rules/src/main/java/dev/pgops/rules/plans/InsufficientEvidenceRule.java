package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.plan.ExplainFormatException;
import dev.pgops.plan.ExplainParser;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * E22: per plan, which plan rules could not be checked with the EXPLAIN options used (a generic plan has no
 * actual rows; no BUFFERS, no temp or cache figures; no track_io_timing, no read times; no VERBOSE, no schema
 * names), and plans that could not be parsed. Reported as insufficient evidence, never as a pass.
 */
@RuleInfo(id = "plan-insufficient-evidence", area = Area.PERFORMANCE, checklist = "PRF-10", severity = Severity.INFO,
    summary = "Some plan rules could not be checked with the EXPLAIN options the plan was taken with")
public final class InsufficientEvidenceRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<QueryPlan> plans = ctx.require(s.plans(), "plans");
    List<Finding> out = new ArrayList<>();
    for (QueryPlan q : plans) {
      if (!q.ok()) continue;
      ExplainPlan p;
      try {
        p = ExplainParser.parse(PlanRule.sourceName(q), q.explain());
      } catch (ExplainFormatException e) {
        out.add(ctx.finding(PlanRule.location(q), "The plan of " + PlanRule.sourceName(q) + " could not be read, so no plan rule checked it: "
                + e.getMessage())
            .evidence("planMethod", q.method())
            .remediation("-- capture the plan again as JSON:\nEXPLAIN (FORMAT JSON, VERBOSE, SETTINGS) <the statement>;")
            .build());
        continue;
      }
      Set<PlanRule.Need> missing = EnumSet.noneOf(PlanRule.Need.class);
      if (!p.analyzed()) {
        missing.add(PlanRule.Need.ANALYZE); // times and buffers come only with it
      } else {
        if (!p.timing()) missing.add(PlanRule.Need.TIMING);
        if (!p.buffers()) missing.add(PlanRule.Need.BUFFERS);
      }
      Set<String> unchecked = new TreeSet<>();
      for (Rule r : PlanRules.ALL) {
        if (r instanceof PlanRule pr && !PlanRule.has(p, pr.needs())) unchecked.add(id(r));
      }
      List<String> hints = new ArrayList<>();
      if (!p.analyzed()) {
        hints.add(q.method() != null && q.method().startsWith("generic")
            ? "a generic plan has estimates only: no actual rows, times or buffers (use EXPLAIN ANALYZE on a staging copy, or auto_explain)"
            : "use EXPLAIN (ANALYZE, BUFFERS) for actual rows, times and buffers");
      } else {
        if (!p.timing()) hints.add("run with TIMING on for per-node times");
        if (!p.buffers()) hints.add("add BUFFERS (default from PostgreSQL 18) for temp and cache figures");
      }
      boolean noIo = p.buffers() && !p.ioTiming();
      if (noIo) hints.add("activate track_io_timing for read times in plan-poor-cache-hit");
      if (!p.verbose()) hints.add("add VERBOSE for schema-qualified names and per-worker detail");
      if (unchecked.isEmpty() && hints.isEmpty()) continue;
      StringBuilder what = new StringBuilder();
      for (PlanRule.Need n : missing) what.append(what.length() == 0 ? "" : ", ").append(n.option);
      String msg = unchecked.isEmpty()
          ? "The plan of " + PlanRule.sourceName(q) + " lacks some detail: " + String.join("; ", hints)
          : unchecked.size() + " plan rules could not be checked on " + PlanRule.sourceName(q) + " (the plan has no "
              + what + "): " + String.join(", ", unchecked);
      out.add(PlanRule.planEvidence(ctx.finding(PlanRule.location(q), msg), new PlanRule.Target(q, p, PlanRule.location(q), s))
          .evidence("analyzed", p.analyzed())
          .evidence("timing", p.timing())
          .evidence("buffers", p.buffers())
          .evidence("ioTiming", p.ioTiming())
          .evidence("verbose", p.verbose())
          .evidence("uncheckedRules", String.join(", ", unchecked))
          .remediation("-- " + String.join(";\n-- ", hints) + "\n"
              + "-- safely, for a single SELECT: BEGIN READ ONLY; SET LOCAL statement_timeout = '30s';\n"
              + "-- EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) <the statement>; ROLLBACK;")
          .build());
    }
    return out;
  }

  private static String id(Rule r) {
    return r.getClass().getAnnotation(RuleInfo.class).id();
  }
}
