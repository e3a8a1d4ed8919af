package dev.pgops.rules.statements;

import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.internal.Sql;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.rules.RuleContext.FindingBuilder;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Shared pieces of the statement rules: naming a statement, its window, and the common evidence. */
final class Stmts {
  private Stmts() {}

  static final int LABEL_CHARS = 80;

  /** The first 80 characters of the statement text, whitespace collapsed ("…" when cut). */
  static String label(StatementStats s) {
    String q = s.query() == null ? "" : s.query().replaceAll("\\s+", " ").trim();
    if (q.isEmpty()) return "(query text unavailable)";
    return q.length() <= LABEL_CHARS ? q : q.substring(0, LABEL_CHARS).trim() + "…";
  }

  static Location location(StatementStats s) {
    return Location.object("statement", null, s.queryId() != null ? s.queryId() : "text:" + label(s));
  }

  /** "850 ms", "12.3 s", "2 h 5 min". */
  static String ms(double ms) {
    if (ms < 1) return String.format(Locale.ROOT, "%.2f ms", ms);
    if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
    if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    return RuleContext.human(Duration.ofMillis((long) ms));
  }

  /** The window the statement counters cover: since pg_stat_statements_info.stats_reset, else the database window. */
  static Optional<Duration> window(Statements st, RuleContext ctx) {
    if (st.statsReset() != null) return Optional.of(Duration.between(st.statsReset(), ctx.now()));
    return ctx.statsWindow();
  }

  /** True when the statement window is below the configured minimum (unknown counts as short). */
  static boolean windowShort(Statements st, RuleContext ctx) {
    return window(st, ctx).map(ctx::windowShort).orElse(true);
  }

  static String windowText(Statements st, RuleContext ctx) {
    return window(st, ctx).map(RuleContext::human).orElse("unknown");
  }

  /**
   * A finding on one statement with the common evidence (query id, user, database, calls, text). When
   * {@code windowed} (the figures are shares or totals of cumulative counters) a short statement window
   * lowers the severity as usage-based findings are lowered, and the message says so.
   */
  static FindingBuilder finding(RuleContext ctx, Statements st, StatementStats s, String message, Severity severity,
      boolean windowed) {
    String msg = message;
    Severity sev = severity;
    String window = windowText(st, ctx);
    if (windowed && windowShort(st, ctx)) {
      sev = sev.lower().compareTo(Severity.LOW) < 0 ? Severity.LOW : sev.lower();
      msg = msg + " (pg_stat_statements cover only " + window + ": confirm over a longer window)";
    }
    return ctx.finding(location(s), msg)
        .severity(sev)
        .evidence("queryId", s.queryId())
        .evidence("user", s.user())
        .evidence("database", s.database())
        .evidence("calls", s.calls())
        .evidence("query", label(s))
        .evidence("statementsWindow", window);
  }

  /** The first remediation lines: where to read the full text and how to look at the plan. */
  static String explainFirst(StatementStats s) {
    String id = s.queryId() == null ? "<queryid>" : s.queryId();
    return "-- full text (in " + (s.database() == null ? "the database" : s.database()) + "):\n"
        + "SELECT query FROM pg_stat_statements WHERE queryid = " + id + ";\n"
        + "-- its generic plan is in the pgops report (plans); with real parameters, as role "
        + (s.user() == null ? "<user>" : s.user()) + ":\n"
        + "-- EXPLAIN (ANALYZE, BUFFERS) <the statement>;  -- ANALYZE executes it: use a replica or a rolled-back transaction\n";
  }

  /** ALTER ROLE ... SET work_mem for the statement's role, with its rollback. */
  static String workMemForRole(StatementStats s, String value) {
    String role = s.user() == null ? "app_role" : Sql.ident(s.user());
    return "ALTER ROLE " + role + " SET work_mem = '" + value + "';\n"
        + "-- rollback: ALTER ROLE " + role + " RESET work_mem;";
  }

  /** The block size of the server (block_size), 8 kB when unknown. */
  static long blockSize(Snapshot snap) {
    return SettingValues.number(snap, "block_size").orElse(8192);
  }

  /** True when extension version {@code v} ("1.10") is at least major.minor; false when unknown. */
  static boolean extAtLeast(String v, int major, int minor) {
    if (v == null) return false;
    String[] p = v.trim().split("\\.");
    try {
      int ma = Integer.parseInt(p[0]);
      int mi = p.length > 1 ? Integer.parseInt(p[1]) : 0;
      return ma > major || (ma == major && mi >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }

}
