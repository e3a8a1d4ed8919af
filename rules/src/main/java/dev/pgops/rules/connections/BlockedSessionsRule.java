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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@RuleInfo(id = "blocked-sessions", area = Area.CONNECTIONS, checklist = "CON-3", severity = Severity.MEDIUM,
    summary = "Session has been waiting on a lock held by another session")
public final class BlockedSessionsRule implements Rule {
  static final Threshold WARN_SEC = Threshold.of("warnSeconds", 30, "medium when blocked longer than this (s)");
  static final Threshold CRIT_SEC = Threshold.of("critSeconds", 120, "high when blocked longer than this (s)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_SEC, CRIT_SEC);
  }

  /** How long the session has waited: since its state last changed (an active session: its query start). */
  static long waitSec(SessionInfo x) {
    return x.stateAgeSec() > 0 ? x.stateAgeSec() : x.queryAgeSec();
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    double warn = ctx.value(WARN_SEC), crit = ctx.value(CRIT_SEC);
    Map<Integer, SessionInfo> byPid = a.sessions().stream()
        .collect(Collectors.toMap(SessionInfo::pid, Function.identity(), (x, y) -> x));
    List<SessionInfo> hits = a.sessions().stream()
        .filter(x -> !x.blockedBy().isEmpty() && waitSec(x) > warn)
        .sorted(Comparator.comparingLong(BlockedSessionsRule::waitSec).reversed().thenComparingInt(SessionInfo::pid))
        .toList();
    List<Finding> out = new ArrayList<>();
    for (SessionInfo x : hits.subList(0, Math.min(hits.size(), Sessions.MAX_PER_SESSION))) {
      int root = rootBlocker(x, byPid);
      SessionInfo r = byPid.get(root);
      String rootText = "pid " + root + (r == null ? " (not captured)"
          : " " + Sessions.who(r) + ", " + r.state() + ", transaction open " + Fmt.age(r.xactAgeSec()));
      out.add(ctx.finding(Sessions.location(x.pid()),
              "Session pid " + x.pid() + " " + Sessions.who(x) + " blocked for " + Fmt.age(waitSec(x))
                  + " by " + x.blockedBy().stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + "; root blocker " + rootText)
          .severity(waitSec(x) > crit ? Severity.HIGH : Severity.MEDIUM)
          .evidence("pid", x.pid())
          .evidence("blockedBy", x.blockedBy())
          .evidence("rootBlocker", root)
          .evidence("rootBlockerState", r == null ? "unknown" : r.state())
          .evidence("rootBlockerQuery", r == null ? "" : Sessions.query(r.query()))
          .evidence("waitSec", waitSec(x))
          .evidence("waitEvent", x.waitEventType() + "/" + x.waitEvent())
          .evidence("query", Sessions.query(x.query()))
          .evidence("threshold", "medium > " + (long) warn + " s, high > " + (long) crit + " s")
          .remediation("-- end the root blocker's work (confirm with its owner first):\n"
              + "SELECT pg_cancel_backend(" + root + ");\nSELECT pg_terminate_backend(" + root + ");\n"
              + "-- prevent queues behind DDL / long locks: SET lock_timeout = '5s' in migrations and jobs")
          .build());
    }
    int rest = hits.size() - Sessions.MAX_PER_SESSION;
    if (rest > 0) {
      out.add(ctx.finding(Location.object("session", null, "blocked sessions (others)"),
              rest + " more sessions blocked longer than " + Fmt.age((long) warn))
          .severity(waitSec(hits.get(0)) > crit ? Severity.HIGH : Severity.MEDIUM)
          .evidence("blocked", a.blocked())
          .evidence("sessionsOverThreshold", hits.size())
          .remediation("SELECT pid, pg_blocking_pids(pid), now() - query_start AS waiting, query FROM pg_stat_activity\n"
              + " WHERE cardinality(pg_blocking_pids(pid)) > 0 ORDER BY query_start;")
          .build());
    }
    return out;
  }

  /** Follows blockedBy (first blocker) until a session that is not blocked, not captured, or a cycle. */
  static int rootBlocker(SessionInfo x, Map<Integer, SessionInfo> byPid) {
    Set<Integer> seen = new HashSet<>();
    seen.add(x.pid());
    int current = x.blockedBy().get(0);
    while (seen.add(current)) {
      SessionInfo next = byPid.get(current);
      if (next == null || next.blockedBy().isEmpty()) return current;
      current = next.blockedBy().get(0);
    }
    return current; // a cycle (a deadlock about to be resolved): report where it closed
  }
}
