package dev.pgops.rules.connections;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Activity.SessionInfo;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "long-running-transaction", area = Area.CONNECTIONS, checklist = "CON-2", severity = Severity.MEDIUM,
    summary = "Transaction has been open for a long time")
public final class LongRunningTransactionRule implements Rule {
  static final Threshold WARN_SEC = Threshold.of("warnSeconds", 300, "medium when a transaction is older than this (s)");
  static final Threshold CRIT_SEC = Threshold.of("critSeconds", 3600, "high when a transaction is older than this (s)");

  /** Not application transactions: vacuum workers, replication senders, and parallel workers (their leader counts). */
  static final Set<String> EXCLUDED = Set.of("autovacuum worker", "autovacuum launcher", "walsender", "parallel worker");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_SEC, CRIT_SEC);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    double warn = ctx.value(WARN_SEC), crit = ctx.value(CRIT_SEC);
    List<SessionInfo> hits = a.sessions().stream()
        .filter(x -> x.xactAgeSec() > warn && (x.backendType() == null || !EXCLUDED.contains(x.backendType())))
        .sorted(Comparator.comparingLong(SessionInfo::xactAgeSec).reversed().thenComparingInt(SessionInfo::pid))
        .toList();
    String hint = "-- a safety net for runaway statements / transactions (transaction_timeout needs PG17):\n"
        + "-- ALTER ROLE app SET statement_timeout = '5min';  -- rollback: ALTER ROLE app RESET statement_timeout;";
    List<Finding> out = new ArrayList<>();
    for (SessionInfo x : hits.subList(0, Math.min(hits.size(), Sessions.MAX_PER_SESSION))) {
      out.add(ctx.finding(Sessions.location(x.pid()),
              "Session pid " + x.pid() + " " + Sessions.who(x) + ": transaction open for " + Fmt.age(x.xactAgeSec())
                  + " (state " + x.state() + (x.queryAgeSec() > 0 ? ", current query " + Fmt.age(x.queryAgeSec()) : "")
                  + "); it holds its locks and keeps vacuum from removing dead rows")
          .severity(x.xactAgeSec() > crit ? Severity.HIGH : Severity.MEDIUM)
          .evidence("pid", x.pid())
          .evidence("user", x.user())
          .evidence("application", x.application())
          .evidence("database", x.database())
          .evidence("state", x.state())
          .evidence("backendType", x.backendType())
          .evidence("xactAgeSec", x.xactAgeSec())
          .evidence("queryAgeSec", x.queryAgeSec())
          .evidence("query", Sessions.query(x.query()))
          .evidence("threshold", "medium > " + (long) warn + " s, high > " + (long) crit + " s")
          .remediation("-- confirm with the owner first; cancel the query, or end the session:\n"
              + "SELECT pg_cancel_backend(" + x.pid() + ");\nSELECT pg_terminate_backend(" + x.pid() + ");\n" + hint)
          .build());
    }
    int rest = hits.size() - Sessions.MAX_PER_SESSION;
    boolean uncaptured = hits.isEmpty() && a.oldestXactAgeSec() > warn;
    if (rest > 0 || uncaptured) {
      long oldest = hits.isEmpty() ? a.oldestXactAgeSec() : hits.get(0).xactAgeSec();
      out.add(ctx.finding(Location.object("session", null, "long transactions (others)"),
              rest > 0 ? rest + " more transactions open longer than " + Fmt.age((long) warn)
                  : "Oldest transaction open for " + Fmt.age(oldest) + " (session not among the captured ones)")
          .severity(oldest > crit ? Severity.HIGH : Severity.MEDIUM)
          .evidence("oldestXactAgeSec", a.oldestXactAgeSec())
          .evidence("sessionsOverThreshold", hits.size())
          .remediation("SELECT pid, usename, backend_type, state, now() - xact_start AS age, query FROM pg_stat_activity\n"
              + " WHERE xact_start < now() - interval '5 minutes' ORDER BY xact_start;\n" + hint)
          .build());
    }
    return out;
  }
}
