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

@RuleInfo(id = "idle-in-transaction", area = Area.CONNECTIONS, checklist = "CON-2", severity = Severity.MEDIUM,
    summary = "Session has been idle inside an open transaction")
public final class IdleInTransactionRule implements Rule {
  static final Threshold WARN_SEC = Threshold.of("warnSeconds", 60, "medium when idle in transaction longer than this (s)");
  static final Threshold CRIT_SEC = Threshold.of("critSeconds", 300, "high when idle in transaction longer than this (s)");
  static final Threshold CRIT_COUNT = Threshold.of("critCount", 10, "high for all when at least this many sessions are over warnSeconds");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_SEC, CRIT_SEC, CRIT_COUNT);
  }

  static boolean idleInTransaction(SessionInfo s) {
    return s.state() != null && s.state().startsWith("idle in transaction");
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    double warn = ctx.value(WARN_SEC), crit = ctx.value(CRIT_SEC), critCount = ctx.value(CRIT_COUNT);
    List<SessionInfo> hits = a.sessions().stream()
        .filter(x -> idleInTransaction(x) && x.stateAgeSec() > warn)
        .sorted(Comparator.comparingLong(SessionInfo::stateAgeSec).reversed().thenComparingInt(SessionInfo::pid))
        .toList();
    boolean many = hits.size() >= critCount;
    String fix = "idle_in_transaction_session_timeout";
    String timeout = "-- and stop it recurring (fix the application's transaction handling; a safety net):\n"
        + "ALTER ROLE app SET " + fix + " = '5min';  -- or ALTER SYSTEM SET ... ; SELECT pg_reload_conf();\n"
        + "-- rollback: ALTER ROLE app RESET " + fix + ";";
    List<Finding> out = new ArrayList<>();
    for (SessionInfo x : hits.subList(0, Math.min(hits.size(), Sessions.MAX_PER_SESSION))) {
      out.add(ctx.finding(Sessions.location(x.pid()),
              "Session pid " + x.pid() + " " + Sessions.who(x) + " " + x.state() + " for " + Fmt.age(x.stateAgeSec())
                  + " (transaction open " + Fmt.age(x.xactAgeSec()) + "), holding its locks and the xmin horizon")
          .severity(many || x.stateAgeSec() > crit ? Severity.HIGH : Severity.MEDIUM)
          .evidence("pid", x.pid())
          .evidence("user", x.user())
          .evidence("application", x.application())
          .evidence("database", x.database())
          .evidence("state", x.state())
          .evidence("stateAgeSec", x.stateAgeSec())
          .evidence("xactAgeSec", x.xactAgeSec())
          .evidence("lastQuery", Sessions.query(x.query()))
          .evidence("sessionsOverThreshold", hits.size())
          .evidence("threshold", "medium > " + (long) warn + " s, high > " + (long) crit + " s or >= " + (long) critCount + " sessions")
          .remediation("SELECT pg_terminate_backend(" + x.pid() + ");\n" + timeout)
          .build());
    }
    int rest = hits.size() - Sessions.MAX_PER_SESSION;
    boolean uncaptured = hits.isEmpty() && a.idleInTransaction() > 0 && a.oldestIdleInTransactionSec() > warn;
    if (rest > 0 || uncaptured) {
      long oldest = hits.isEmpty() ? a.oldestIdleInTransactionSec() : hits.get(0).stateAgeSec();
      String what = rest > 0 ? rest + " more sessions idle in transaction longer than " + Fmt.age((long) warn)
          : a.idleInTransaction() + " sessions idle in transaction, the oldest for " + Fmt.age(oldest)
              + " (not among the captured sessions)";
      out.add(ctx.finding(Location.object("session", null, "idle in transaction (others)"), what)
          .severity(many || oldest > crit ? Severity.HIGH : Severity.MEDIUM)
          .evidence("idleInTransaction", a.idleInTransaction())
          .evidence("oldestIdleInTransactionSec", a.oldestIdleInTransactionSec())
          .evidence("sessionsOverThreshold", hits.size())
          .remediation("SELECT pg_terminate_backend(pid) FROM pg_stat_activity\n"
              + " WHERE state LIKE 'idle in transaction%' AND now() - state_change > interval '5 minutes';\n" + timeout)
          .build());
    }
    return out;
  }
}
