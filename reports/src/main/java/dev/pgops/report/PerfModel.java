package dev.pgops.report;

import dev.pgops.findings.Location;
import dev.pgops.report.ReportModel.FindingRef;
import dev.pgops.report.ReportModel.FindingView;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The performance part of the report model: top statements, plans, instance pressure, and the triage
 * log built from them and the findings. Built once by {@link ReportModel#build}; every string is
 * display-ready.
 */
public final class PerfModel {
  /** Characters of query text shown in a table cell (the full text is in a collapsible block). */
  static final int QUERY_SHORT = 140;
  /** Statements named in the triage log's symptom. */
  static final int TRIAGE_TOP = 3;
  private static final Pattern QUERY_ID = Pattern.compile("-?\\d{1,20}");

  private PerfModel() {}

  public record Fact(String label, String value) {}

  /**
   * One selected statement. Numeric components are the sort keys ({@code hitRatio} -1 when the
   * statement touched no shared block, {@code walBytes} -1 when not tracked); the {@code *Label}s are
   * for display. {@code queryFence}: a Markdown fence longer than any backtick run in {@code query}.
   */
  public record StatementRow(
      int rank, String queryId, String anchor, String user, String database, boolean toplevel,
      long calls, String callsLabel, double totalMs, String totalLabel, double share, String shareLabel,
      double meanMs, String meanLabel, double maxMs, String maxLabel, double rowsPerCall, String rowsPerCallLabel,
      double hitRatio, String hitRatioLabel, long tempBytesWritten, String tempLabel, long walBytes, String walLabel,
      String query, String queryShort, boolean queryTruncated, String queryFence,
      List<FindingRef> findingRefs, boolean hasFindings, String planAnchor, boolean hasPlan) {}

  /** {@code reason}: why the section is empty (the exact fix) when not {@code collected}. */
  public record StatementsView(boolean collected, String reason, List<Fact> facts, boolean hasWal,
                              List<StatementRow> rows, boolean hasRows) {}

  /** One plan. {@code tree} is null unless {@code ok}. */
  public record PlanView(String queryId, String anchor, String statementAnchor, boolean hasStatement,
                         String method, String methodLabel, String status, boolean ok, String reason,
                         boolean hasReason, String queryShort, PlanTreeView.Tree tree, boolean hasTree,
                         List<FindingRef> findingRefs, boolean hasFindings) {}

  public record PlansView(boolean collected, String reason, List<PlanView> plans, boolean hasPlans) {}

  /** A {@code pg_stat_io} row of client backends; absent counters are "–". */
  public record IoRow(String object, String context, String reads, String writes, String extendsLabel,
                      String hits, String evictions) {}

  public record FactGroup(String title, List<Fact> facts) {}

  /** {@code figures}: the raw numbers for the JSON report. */
  public record PressureView(boolean collected, String reason, List<FactGroup> groups, List<IoRow> io,
                             boolean hasIo, JsonReport.PressureJson figures) {}

  /** One hypothesis: {@code title} names the cause, {@code basis} the findings it rests on. */
  public record Hypothesis(int no, String title, String check, List<String> basis) {}

  /** A remediation from a finding; {@code fence} is a Markdown fence longer than any backtick run in {@code sql}. */
  public record Action(String ref, String ruleId, String object, String message, String sql, String fence) {}

  /**
   * The filled triage log. {@code verifySql} is built only from validated numeric query ids (safe to
   * print raw in a code block).
   */
  public record TriageView(List<String> symptoms, List<String> statementEvidence, List<String> planEvidence,
                           List<String> pressureEvidence, String window, List<Hypothesis> hypotheses,
                           List<Action> actions, List<String> queryIds, boolean hasQueryIds, String verifySql,
                           String verifySqlFence) {}

  // ---------------------------------------------------------------- statements

  static StatementsView statements(Section<Statements> section, Instant collectedAt, Map<String, List<FindingRef>> refs,
                                   Map<String, String> planAnchors) {
    if (section.collected().isEmpty()) {
      return new StatementsView(false, section.unavailableReason().orElse(""), List.of(), false, List.of(), false);
    }
    Statements s = section.collected().get();
    double whole = s.totalTimeMs();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Extension version", "pg_stat_statements " + nz(s.extensionVersion())));
    facts.add(new Fact("Entries", Human.count(s.entries()) + " of " + Human.count(s.max()) + " (pg_stat_statements.max)"));
    facts.add(new Fact("Deallocations", s.deallocations() == null ? "not reported (extension before 1.9)"
        : Human.count(s.deallocations())));
    facts.add(new Fact("Statistics reset", s.statsReset() == null ? "not reported"
        : Human.time(s.statsReset()) + (collectedAt == null ? "" : " (window " + dev.pgops.rules.RuleContext.human(
            Duration.between(s.statsReset(), collectedAt)) + ")")));
    facts.add(new Fact("Tracking", "track = " + nz(s.track()) + ", track_planning = " + (s.trackPlanning() ? "on" : "off")));
    facts.add(new Fact("Total time", ms(whole) + " over " + Human.count(s.totalCalls()) + " calls (execution "
        + ms(s.totalExecMs()) + ", planning " + ms(s.totalPlanMs()) + ")"));
    facts.add(new Fact("Query texts", "truncated to " + Human.count(s.queryTextLimit()) + " characters"
        + (s.masked() ? ", literals masked" : "")));
    boolean hasWal = s.statements().stream().anyMatch(st -> st.walBytes() != null);
    List<StatementRow> rows = new ArrayList<>();
    for (StatementStats st : s.statements()) {
      rows.add(row(rows.size() + 1, st, whole, refs, planAnchors));
    }
    return new StatementsView(true, "", List.copyOf(facts), hasWal, List.copyOf(rows), !rows.isEmpty());
  }

  private static StatementRow row(int rank, StatementStats st, double whole, Map<String, List<FindingRef>> refs,
                                  Map<String, String> planAnchors) {
    double total = st.totalTimeMs();
    double share = whole > 0 ? total / whole : 0;
    double rpc = st.calls() > 0 ? (double) st.rows() / st.calls() : 0;
    long touched = st.sharedBlocksHit() + st.sharedBlocksRead();
    double hit = touched > 0 ? (double) st.sharedBlocksHit() / touched : -1;
    long temp = st.tempBlocksWritten() * 8192L;
    String query = nz(st.query());
    String flat = query.replaceAll("\\s+", " ").trim();
    boolean truncated = flat.length() > QUERY_SHORT;
    String shortQ = truncated ? flat.substring(0, QUERY_SHORT - 1) + "…" : flat;
    List<FindingRef> r = List.copyOf(refs.getOrDefault(st.queryId(), List.of()));
    String plan = planAnchors.get(st.queryId());
    return new StatementRow(rank, st.queryId(), anchor("q-", st.queryId()), nz(st.user()), nz(st.database()),
        st.toplevel(), st.calls(), Human.count(st.calls()), total, ms(total), share, PlanTreeView.percent(share),
        st.meanExecMs(), ms(st.meanExecMs()), st.maxExecMs(), ms(st.maxExecMs()), rpc, oneDecimal(rpc),
        hit, hit < 0 ? "–" : PlanTreeView.percent(hit), temp, st.tempBlocksWritten() == 0 ? "–" : Human.bytes(temp),
        st.walBytes() == null ? -1 : st.walBytes(), st.walBytes() == null ? "–" : Human.bytes(st.walBytes()),
        query, shortQ, truncated || !flat.equals(query), ReportModel.fence(query), r, !r.isEmpty(),
        plan == null ? "" : plan, plan != null);
  }

  // ---------------------------------------------------------------- plans

  static PlansView plans(Section<List<QueryPlan>> section, Map<String, List<FindingRef>> refs, Map<String, String> stmtAnchors) {
    if (section.collected().isEmpty()) {
      return new PlansView(false, section.unavailableReason().orElse(""), List.of(), false);
    }
    List<PlanView> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (QueryPlan p : section.collected().get()) {
      String id = nz(p.queryId());
      int n = seen.merge(id, 1, Integer::sum);
      String anchor = anchor("plan-", id) + (n > 1 ? "-" + n : "");
      PlanTreeView.Tree tree = p.ok() ? PlanTreeView.of(p.explain()) : null;
      String reason = nz(p.reason());
      if (p.ok() && tree == null && reason.isEmpty()) reason = "the EXPLAIN output holds no plan node";
      String flat = nz(p.query()).replaceAll("\\s+", " ").trim();
      List<FindingRef> r = List.copyOf(refs.getOrDefault(id, List.of()));
      String stmt = stmtAnchors.get(id);
      out.add(new PlanView(id, anchor, stmt == null ? "" : stmt, stmt != null, nz(p.method()), methodLabel(p.method()),
          nz(p.status()), p.ok(), reason, !reason.isEmpty(),
          flat.length() > QUERY_SHORT ? flat.substring(0, QUERY_SHORT - 1) + "…" : flat, tree, tree != null, r, !r.isEmpty()));
    }
    return new PlansView(true, "", List.copyOf(out), !out.isEmpty());
  }

  /** The first plan anchor per query id (for links from the statements table). */
  static Map<String, String> planAnchors(Section<List<QueryPlan>> section) {
    Map<String, String> out = new HashMap<>();
    for (QueryPlan p : section.collected().orElse(List.of())) out.putIfAbsent(nz(p.queryId()), anchor("plan-", nz(p.queryId())));
    return out;
  }

  static Map<String, String> statementAnchors(Section<Statements> section) {
    Map<String, String> out = new HashMap<>();
    section.collected().ifPresent(s -> s.statements().forEach(st -> out.putIfAbsent(st.queryId(), anchor("q-", st.queryId()))));
    return out;
  }

  private static String methodLabel(String method) {
    return switch (nz(method)) {
      case "generic" -> "generic plan (EXPLAIN GENERIC_PLAN)";
      case "generic-prepared" -> "generic plan (PREPARE, force_generic_plan)";
      case "analyze" -> "EXPLAIN ANALYZE (rolled back)";
      case "file" -> "read from a file";
      default -> nz(method);
    };
  }

  // ---------------------------------------------------------------- pressure

  static PressureView pressure(Section<InstancePressure> section) {
    if (section.collected().isEmpty()) {
      String reason = section.unavailableReason().orElse("");
      return new PressureView(false, reason, List.of(), List.of(), false, JsonReport.pressure(reason, null));
    }
    InstancePressure p = section.collected().get();
    List<FactGroup> groups = new ArrayList<>();
    InstancePressure.Checkpoints c = p.checkpoints();
    if (c != null) {
      long all = c.timed() + c.requested();
      List<Fact> f = new ArrayList<>();
      f.add(new Fact("Timed", Human.count(c.timed())));
      f.add(new Fact("Requested", Human.count(c.requested()) + (all > 0 ? " (" + PlanTreeView.percent((double) c.requested() / all) + " of all)" : "")));
      if (c.done() != null) f.add(new Fact("Completed", Human.count(c.done())));
      f.add(new Fact("Write time", ms(c.writeTimeMs())));
      f.add(new Fact("Sync time", ms(c.syncTimeMs())));
      f.add(new Fact("Buffers written", Human.count(c.buffersWritten()) + " (" + Human.bytes(c.buffersWritten() * 8192L) + ")"));
      if (c.statsReset() != null) f.add(new Fact("Since", Human.time(c.statsReset())));
      groups.add(new FactGroup("Checkpoints", List.copyOf(f)));
    }
    InstancePressure.BgWriter b = p.bgwriter();
    if (b != null) {
      List<Fact> f = new ArrayList<>();
      f.add(new Fact("Buffers cleaned", Human.count(b.buffersClean())));
      f.add(new Fact("Stopped at bgwriter_lru_maxpages", Human.count(b.maxwrittenClean()) + " times"));
      f.add(new Fact("Buffers allocated", Human.count(b.buffersAlloc())));
      if (b.buffersBackend() != null) f.add(new Fact("Written by backends", Human.count(b.buffersBackend())));
      if (b.buffersBackendFsync() != null) f.add(new Fact("Backend fsyncs", Human.count(b.buffersBackendFsync())));
      if (b.statsReset() != null) f.add(new Fact("Since", Human.time(b.statsReset())));
      groups.add(new FactGroup("Background writer", List.copyOf(f)));
    }
    InstancePressure.Wal w = p.wal();
    if (w != null) {
      List<Fact> f = new ArrayList<>();
      f.add(new Fact("Records", Human.count(w.records())));
      f.add(new Fact("Full-page images", Human.count(w.fpi()) + (w.records() > 0
          ? " (" + PlanTreeView.percent((double) w.fpi() / w.records()) + " of records)" : "")));
      f.add(new Fact("Bytes", Human.bytes(w.bytes())));
      f.add(new Fact("WAL buffers full", Human.count(w.buffersFull()) + " times"));
      if (w.statsReset() != null) f.add(new Fact("Since", Human.time(w.statsReset())));
      groups.add(new FactGroup("WAL", List.copyOf(f)));
    }
    List<IoRow> io = new ArrayList<>();
    for (InstancePressure.IoStat s : p.io()) {
      if (!"client backend".equals(s.backendType())) continue;
      if (s.reads() == null && s.writes() == null && s.extendsCount() == null && s.hits() == null && s.evictions() == null) continue;
      io.add(new IoRow(nz(s.object()), nz(s.context()), cnt(s.reads()), cnt(s.writes()), cnt(s.extendsCount()),
          cnt(s.hits()), cnt(s.evictions())));
    }
    return new PressureView(true, "", List.copyOf(groups), List.copyOf(io), !io.isEmpty(), JsonReport.pressure(null, p));
  }

  // ---------------------------------------------------------------- triage log

  /** A family of findings and the cause it points at; matched on rule id and checklist item. */
  private record Cause(String key, Pattern match, String title, String check) {}

  private static final List<Cause> CAUSES = List.of(
      new Cause("dominance", Pattern.compile("domin|share|top-statement|high-total"),
          "One statement dominates the load",
          "its share of total time in pg_stat_statements drops after the fix"),
      new Cause("spill", Pattern.compile("temp|spill|disk|work-mem|hash-batch"),
          "Sorts, hashes or aggregates exceed work_mem and spill to temporary files",
          "temp_blks_written of the statements falls to zero and EXPLAIN ANALYZE shows in-memory sorts"),
      new Cause("misestimate", Pattern.compile("misestim|estimate|row-count|stale-stat|analyze-stale"),
          "The planner misestimates row counts (stale or missing statistics, correlated columns)",
          "after ANALYZE (or extended statistics) actual and planned rows agree within 10×"),
      new Cause("seqscan", Pattern.compile("seq-scan|seqscan|sequential|missing-index|fk-without-index"),
          "Large tables are read by sequential scans where an index would do",
          "the plan switches to an index scan and shared blocks read per call fall"),
      new Cause("nestloop", Pattern.compile("nested-loop|loops"),
          "A nested loop runs its inner side many times",
          "the inner side's loops drop, or the join becomes a hash join"),
      new Cause("cache", Pattern.compile("cache|hit-ratio|shared-read"),
          "The working set does not fit in shared_buffers (cache misses)",
          "the shared hit ratio of the statements rises and shared blocks read fall"),
      new Cause("planning", Pattern.compile("plan-time|planning"),
          "Planning time dominates execution time",
          "total_plan_time falls relative to total_exec_time (prepared statements, fewer partitions)"),
      new Cause("checkpoint", Pattern.compile("checkpoint|bgwriter|wal|backend-write|fpi"),
          "Checkpoints and WAL writes are forced by write volume (checkpoint pressure)",
          "requested checkpoints become rare against timed ones and WAL full-page images fall"),
      new Cause("hotspot", Pattern.compile("slow-node|costly-node|slow-mean|high-variance"),
          "A few statements or plan nodes take most of the time",
          "the hot node's share of the plan and the statement's mean time fall in the next EXPLAIN ANALYZE and report"),
      new Cause("tracking", Pattern.compile("dealloc|track|window|statements-max|insufficient-evidence"),
          "The evidence is incomplete (statement tracking or statistics window)",
          "pg_stat_statements keeps every statement and the window covers a normal week"));

  static TriageView triage(List<FindingView> findings, StatementsView statements, PlansView plans,
                           PressureView pressure, Section<InstancePressure> pressureSection, String window) {
    List<FindingView> perf = findings.stream().filter(PerfModel::isPerf).toList();

    List<String> symptoms = new ArrayList<>();
    List<StatementRow> byShare = new ArrayList<>(statements.rows());
    byShare.sort((a, b) -> Double.compare(b.share(), a.share()));
    for (StatementRow r : byShare.subList(0, Math.min(TRIAGE_TOP, byShare.size()))) {
      symptoms.add("Statement " + r.queryId() + " takes " + r.shareLabel() + " of all statement time (" + r.totalLabel()
          + " in " + r.callsLabel() + " calls, mean " + r.meanLabel() + "): " + r.queryShort());
    }
    if (!statements.collected()) symptoms.add("Statement statistics are not available: " + statements.reason());
    pressureSection.collected().ifPresent(p -> symptoms.addAll(pressureSignals(p)));
    if (symptoms.isEmpty()) symptoms.add("No statement or instance figures were collected.");

    List<String> stmtEvidence = new ArrayList<>();
    for (StatementRow r : statements.rows()) {
      StringBuilder b = new StringBuilder("queryid ").append(r.queryId()).append(": ").append(r.shareLabel())
          .append(" of time, ").append(r.totalLabel()).append(" total, ").append(r.callsLabel()).append(" calls, mean ")
          .append(r.meanLabel()).append(", max ").append(r.maxLabel()).append(", ").append(r.rowsPerCallLabel())
          .append(" rows per call, shared hit ").append(r.hitRatioLabel());
      if (r.tempBytesWritten() > 0) b.append(", temp written ").append(r.tempLabel());
      if (r.walBytes() >= 0) b.append(", WAL ").append(r.walLabel());
      stmtEvidence.add(b.toString());
    }
    List<String> planEvidence = new ArrayList<>();
    for (FindingView f : perf) {
      boolean aboutPlan = "PRF-10".equals(f.checklistItem()) || f.ruleId().startsWith("plan-");
      if (!aboutPlan) continue;
      StringBuilder b = new StringBuilder(f.ref()).append(" ").append(f.ruleId());
      if (f.hasObject()) b.append(" (").append(object(f)).append(")");
      b.append(": ").append(f.message());
      f.evidence().forEach(e -> b.append("; ").append(e.key()).append(" = ").append(e.value()));
      planEvidence.add(b.toString());
    }
    for (PlanView p : plans.plans()) {
      if (!p.hasTree()) continue;
      PlanTreeView.Tree t = p.tree();
      if (t.hotNodes() == 0 && t.misestimates() == 0) continue;
      List<String> marks = new ArrayList<>();
      collectMarks(t.root(), marks);
      planEvidence.add("plan of " + p.queryId() + " (" + p.method() + ", " + t.totalsLabel() + "): " + String.join("; ", marks));
    }
    List<String> pressureEvidence = new ArrayList<>();
    for (FactGroup g : pressure.groups()) {
      pressureEvidence.add(g.title() + ": " + String.join(", ", g.facts().stream().map(f -> f.label().toLowerCase(Locale.ROOT)
          + " " + f.value()).toList()));
    }
    for (IoRow r : pressure.io()) {
      pressureEvidence.add("pg_stat_io client backend " + r.object() + "/" + r.context() + ": reads " + r.reads()
          + ", writes " + r.writes() + ", extends " + r.extendsLabel() + ", hits " + r.hits() + ", evictions " + r.evictions());
    }
    if (!pressure.collected()) pressureEvidence.add("Instance pressure not collected: " + pressure.reason());

    Map<String, List<FindingView>> byCause = new LinkedHashMap<>();
    Map<String, Cause> causes = new HashMap<>();
    for (FindingView f : perf) {
      Cause c = cause(f);
      causes.putIfAbsent(c.key(), c);
      byCause.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(f);
    }
    List<Hypothesis> hypotheses = new ArrayList<>();
    for (Map.Entry<String, List<FindingView>> e : byCause.entrySet()) {
      Cause c = causes.get(e.getKey());
      List<String> basis = e.getValue().stream().map(f -> f.ref() + " " + f.ruleId()
          + (f.hasObject() ? " on " + object(f) : "") + ": " + f.message()).toList();
      hypotheses.add(new Hypothesis(hypotheses.size() + 1, c.title(), c.check(), basis));
    }

    List<Action> actions = new ArrayList<>();
    List<String> seenSql = new ArrayList<>();
    for (FindingView f : perf) {
      if (!f.hasRemediation() || seenSql.contains(f.remediation())) continue;
      seenSql.add(f.remediation());
      actions.add(new Action(f.ref(), f.ruleId(), f.hasObject() ? object(f) : "",
          f.message(), f.remediation(), f.remediationFence()));
    }

    List<String> ids = new ArrayList<>();
    for (StatementRow r : byShare) {
      if (QUERY_ID.matcher(r.queryId()).matches() && !ids.contains(r.queryId()) && (ids.size() < 10)) ids.add(r.queryId());
    }
    for (FindingView f : perf) {
      if (f.location() instanceof Location.DbObject o && "statement".equals(o.kind()) && QUERY_ID.matcher(o.name()).matches()
          && !ids.contains(o.name())) ids.add(o.name());
    }
    String sql = ids.isEmpty() ? "" : """
        -- before the fix: keep this output; after it, reset nothing and compare the deltas over the same period
        SELECT queryid, calls, total_exec_time + total_plan_time AS total_ms, mean_exec_time AS mean_ms,
               shared_blks_hit, shared_blks_read, temp_blks_written, rows
        FROM pg_stat_statements
        WHERE queryid IN (%s)
        ORDER BY total_ms DESC;""".formatted(String.join(", ", ids));
    return new TriageView(List.copyOf(symptoms), List.copyOf(stmtEvidence), List.copyOf(planEvidence),
        List.copyOf(pressureEvidence), window, List.copyOf(hypotheses), List.copyOf(actions), List.copyOf(ids),
        !ids.isEmpty(), sql, ReportModel.fence(sql));
  }

  /** "statement 123", "table public.orders", "server". */
  private static String object(FindingView f) {
    return f.objectKind().equals(f.objectLabel()) ? f.objectLabel() : f.objectKind() + " " + f.objectLabel();
  }

  private static void collectMarks(PlanTreeView.Node n, List<String> out) {
    if (n.hot()) out.add("hot node " + n.path() + " (" + n.shareLabel() + ")");
    if (n.misestimate()) out.add("misestimate at " + n.path() + " (" + n.estimateLabel() + ", " + n.rowsLabel() + ", " + n.actualLabel() + ")");
    n.children().forEach(c -> collectMarks(c, out));
  }

  private static List<String> pressureSignals(InstancePressure p) {
    List<String> out = new ArrayList<>();
    InstancePressure.Checkpoints c = p.checkpoints();
    if (c != null && c.timed() + c.requested() > 0 && c.requested() > 0) {
      out.add("Requested checkpoints: " + Human.count(c.requested()) + " of " + Human.count(c.timed() + c.requested())
          + " (" + PlanTreeView.percent((double) c.requested() / (c.timed() + c.requested())) + "), write time "
          + ms(c.writeTimeMs()) + ", sync time " + ms(c.syncTimeMs()) + ".");
    }
    if (p.bgwriter() != null && p.bgwriter().buffersBackend() != null && p.bgwriter().buffersBackend() > 0) {
      out.add("Backends wrote " + Human.count(p.bgwriter().buffersBackend()) + " buffers themselves.");
    }
    if (p.wal() != null && (p.wal().buffersFull() > 0 || p.wal().fpi() > 0)) {
      out.add("WAL: " + Human.bytes(p.wal().bytes()) + " in " + Human.count(p.wal().records()) + " records, "
          + Human.count(p.wal().fpi()) + " full-page images, WAL buffers full " + Human.count(p.wal().buffersFull()) + " times.");
    }
    long writes = 0, evictions = 0;
    for (InstancePressure.IoStat s : p.io()) {
      if (!"client backend".equals(s.backendType())) continue;
      writes += s.writes() == null ? 0 : s.writes();
      evictions += s.evictions() == null ? 0 : s.evictions();
    }
    if (writes > 0 || evictions > 0) {
      out.add("Client backends wrote " + Human.count(writes) + " buffers and evicted " + Human.count(evictions)
          + " (pg_stat_io).");
    }
    return out;
  }

  private static Cause cause(FindingView f) {
    String key = f.ruleId().toLowerCase(Locale.ROOT);
    for (Cause c : CAUSES) if (c.match().matcher(key).find()) return c;
    return new Cause("rule:" + f.ruleId(), Pattern.compile("$^"), f.message(), "the finding " + f.ruleId() + " no longer appears");
  }

  static boolean isPerf(FindingView f) {
    if ("performance".equals(f.area())) return true;
    return f.location() instanceof Location.DbObject o && "statement".equals(o.kind());
  }

  /** Findings about a statement (location {@code statement:<queryId>}), by query id. */
  static Map<String, List<FindingRef>> statementRefs(List<FindingView> findings) {
    Map<String, List<FindingRef>> out = new HashMap<>();
    for (FindingView f : findings) {
      if (f.location() instanceof Location.DbObject o && "statement".equals(o.kind())) {
        out.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(new FindingRef(f.no(), f.anchor(), f.ref() + " " + f.ruleId()));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- formatting

  /** An HTML id from a query id: digits and '-' kept, anything else replaced. */
  static String anchor(String prefix, String queryId) {
    return prefix + nz(queryId).replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static String ms(double d) {
    if (d >= 10_000) return String.format(Locale.ROOT, "%,.1f s", d / 1000);
    if (d >= 100) return String.format(Locale.ROOT, "%,.0f ms", d);
    return String.format(Locale.ROOT, "%.2f ms", d);
  }

  private static String oneDecimal(double d) {
    return d == Math.rint(d) ? Human.count((long) d) : String.format(Locale.ROOT, "%,.1f", d);
  }

  private static String cnt(Long v) {
    return v == null ? "–" : Human.count(v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
