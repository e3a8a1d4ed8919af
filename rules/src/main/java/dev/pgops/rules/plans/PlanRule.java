package dev.pgops.rules.plans;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.plan.ExplainFormatException;
import dev.pgops.plan.ExplainParser;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.plan.PlanNode;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shared frame of the plan rules: reads {@code snapshot.plans()} (not evaluated when unavailable), parses
 * every {@link QueryPlan#ok()} plan and hands those that carry what the rule {@link #needs()} to
 * {@link #check(Target, RuleContext)}. Plans without that data are skipped here and listed by
 * {@link InsufficientEvidenceRule}, so a skipped plan is never a silent pass.
 */
abstract class PlanRule implements Rule {
  /** What a rule reads from the EXPLAIN output (reference §A5). */
  enum Need {
    ANALYZE("ANALYZE"), TIMING("TIMING (on by default with ANALYZE)"), BUFFERS("BUFFERS");

    final String option;

    Need(String option) {
      this.option = option;
    }
  }

  /** One parsed plan with where its findings point. */
  record Target(QueryPlan source, ExplainPlan plan, Location location, Snapshot snapshot) {
    String what() {
      return "file".equals(source.method()) ? "plan " + location.key().substring(location.key().indexOf(':') + 1)
          : "statement " + source.queryId();
    }
  }

  abstract Set<Need> needs();

  abstract List<Finding> check(Target t, RuleContext ctx);

  @Override
  public final List<Finding> check(Snapshot s, RuleContext ctx) {
    return checkAll(s, ctx);
  }

  /** Runs {@link #check(Target, RuleContext)} on every parsed plan that has what the rule needs. */
  List<Finding> checkAll(Snapshot s, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Target t : targets(s, ctx)) {
      if (has(t.plan(), needs())) out.addAll(check(t, ctx));
    }
    return out;
  }

  static List<Target> targets(Snapshot s, RuleContext ctx) {
    List<QueryPlan> plans = ctx.require(s.plans(), "plans");
    List<Target> out = new ArrayList<>();
    for (QueryPlan q : plans) {
      if (!q.ok()) continue;
      try {
        out.add(new Target(q, ExplainParser.parse(sourceName(q), q.explain()), location(q), s));
      } catch (ExplainFormatException e) {
        // reported by plan-insufficient-evidence
      }
    }
    return out;
  }

  static String sourceName(QueryPlan q) {
    return "file".equals(q.method()) ? "file " + q.queryId() : "statement " + q.queryId();
  }

  /** The statement (by queryid), or for plans read from a file the file (its name travels in queryId). */
  static Location location(QueryPlan q) {
    String id = q.queryId() == null || q.queryId().isBlank() ? "unknown" : q.queryId();
    return "file".equals(q.method()) ? Location.object("file", null, id) : Location.object("statement", null, id);
  }

  static boolean has(ExplainPlan p, Set<Need> needs) {
    for (Need n : needs) {
      boolean ok = switch (n) {
        case ANALYZE -> p.analyzed();
        case TIMING -> p.timing();
        case BUFFERS -> p.buffers();
      };
      if (!ok) return false;
    }
    return true;
  }

  static Set<Need> analyze() {
    return EnumSet.of(Need.ANALYZE);
  }

  /** Nodes a rule may judge: every node of a plan without ANALYZE, else those that ran (loops > 0). */
  static List<PlanNode> executed(ExplainPlan p) {
    return p.nodes().stream().filter(n -> !n.neverExecuted()).toList();
  }

  /** Starts a finding on a node: the node path, label, type, relation and the plan method in the evidence. */
  static RuleContext.FindingBuilder nodeFinding(RuleContext ctx, Target t, PlanNode n, String message) {
    RuleContext.FindingBuilder b = ctx.finding(t.location(), message)
        .evidence("nodePath", n.path())
        .evidence("node", n.label())
        .evidence("nodeType", n.nodeType());
    if (n.qualifiedRelation() != null) b.evidence("relation", n.qualifiedRelation());
    return planEvidence(b, t);
  }

  static RuleContext.FindingBuilder planEvidence(RuleContext.FindingBuilder b, Target t) {
    b.evidence("planMethod", t.source().method());
    if (t.source().query() != null) b.evidence("query", abbreviate(t.source().query(), 300));
    return b;
  }

  /** "node 0.1.0 (Hash Join > Seq Scan on public.orders)". */
  static String at(PlanNode n) {
    return "node " + n.path() + " (" + n.label() + ")";
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f ms" : "%.1f ms", v);
  }

  static String kb(double kb) {
    if (kb >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f GB", kb / 1024 / 1024);
    if (kb >= 1024) return String.format(Locale.ROOT, "%.0f MB", kb / 1024);
    return Fmt.plain(Math.round(kb)) + " kB";
  }

  /** A memory setting that would hold {@code kb} (×2 for in-memory overhead), rounded up to a power of two in MB. */
  static String suggestedMem(double kb) {
    long mb = Math.max(4, (long) Math.ceil(kb * 2 / 1024));
    long p = Long.highestOneBit(mb);
    if (p < mb) p <<= 1;
    return p >= 1024 ? (p / 1024) + "GB" : p + "MB";
  }

  static String workMemFix(double kb, String what) {
    String mem = suggestedMem(kb);
    return "-- give this statement more memory for " + what + ", scoped (never raise work_mem globally):\n"
        + "BEGIN; SET LOCAL work_mem = '" + mem + "'; <the statement>; COMMIT;\n"
        + "-- or for the role that runs it:\n"
        + "ALTER ROLE app_user SET work_mem = '" + mem + "';";
  }

  static String abbreviate(String s, int max) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
