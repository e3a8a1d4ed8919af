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
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "connection-churn", area = Area.CONNECTIONS, checklist = "CON-4", severity = Severity.LOW,
    summary = "Connections are opened and closed at a high rate, or end abnormally")
public final class ConnectionChurnRule implements Rule {
  static final Threshold NEW_PCT = Threshold.of("newPercent", 70, "low when more than this share of client backends connected in the last 15 min (%)");
  static final Threshold MIN_CLIENTS = Threshold.of("minClients", 10, "ignore the share with fewer client backends");
  static final Threshold MIN_SESSIONS = Threshold.of("minSessions", 1_000, "ignore databases with fewer sessions (PG14+)");
  static final Threshold WARN_ABNORMAL_PCT = Threshold.of("warnAbnormalPercent", 1, "low above this share of abandoned + fatal + killed sessions (%)");
  static final Threshold CRIT_ABNORMAL_PCT = Threshold.of("critAbnormalPercent", 5, "medium above this share of abnormal session ends (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(NEW_PCT, MIN_CLIENTS, MIN_SESSIONS, WARN_ABNORMAL_PCT, CRIT_ABNORMAL_PCT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Optional<Activity> activity = s.activity().collected();
    Optional<List<DatabaseStats>> dbs = s.databases().collected();
    if (activity.isEmpty() && dbs.isEmpty()) {
      throw ctx.notEvaluated("activity and databases not collected: " + s.activity().unavailableReason().orElse("unknown"));
    }
    List<Finding> out = new ArrayList<>();
    activity.ifPresent(a -> newConnections(s, a, ctx, out));
    boolean pg14 = s.meta().version() != null && s.meta().version().atLeast(14);
    if (pg14) dbs.ifPresent(list -> list.forEach(db -> abnormalEnds(db, ctx, out)));
    return out;
  }

  private void newConnections(Snapshot s, Activity a, RuleContext ctx, List<Finding> out) {
    double minClients = ctx.value(MIN_CLIENTS), limit = ctx.value(NEW_PCT) / 100;
    if (a.clientBackends() < minClients || a.clientBackends() <= 0) return;
    // right after a restart every connection is new
    if (s.meta().postmasterStartedAt() != null
        && Duration.between(s.meta().postmasterStartedAt(), ctx.now()).toMinutes() < 15) return;
    double share = (double) a.connectedLast15Min() / a.clientBackends();
    if (share <= limit) return;
    out.add(ctx.finding(Location.server(),
            a.connectedLast15Min() + " of " + a.clientBackends() + " client backends (" + Fmt.pctDown(share)
                + ") connected in the last 15 min: connections are churned rather than pooled")
        .evidence("connectedLast15Min", a.connectedLast15Min())
        .evidence("clientBackends", a.clientBackends())
        .evidence("threshold", "> " + ctx.value(NEW_PCT) + " % with >= " + (long) minClients + " client backends")
        .remediation("-- each new connection forks a backend and re-authenticates: keep connections open in an\n"
            + "-- application pool or put PgBouncer / pgcat in front; check for short-lived scripts and cron jobs")
        .build());
  }

  private void abnormalEnds(DatabaseStats db, RuleContext ctx, List<Finding> out) {
    if (db.sessions() == null || db.sessions() < ctx.value(MIN_SESSIONS)) return;
    long abnormal = nz(db.sessionsAbandoned()) + nz(db.sessionsFatal()) + nz(db.sessionsKilled());
    double share = (double) abnormal / db.sessions();
    double warn = ctx.value(WARN_ABNORMAL_PCT) / 100, crit = ctx.value(CRIT_ABNORMAL_PCT) / 100;
    if (share <= warn) return;
    out.add(ctx.finding(Location.object("database", null, db.name()),
            "Database " + db.name() + ": " + Fmt.pctDown(share) + " of " + db.sessions() + " sessions ended abnormally ("
                + nz(db.sessionsAbandoned()) + " abandoned, " + nz(db.sessionsFatal()) + " fatal, "
                + nz(db.sessionsKilled()) + " killed)")
        .severity(share > crit ? Severity.MEDIUM : Severity.LOW)
        .usageBased()
        .evidence("sessions", db.sessions())
        .evidence("sessionsAbandoned", nz(db.sessionsAbandoned()))
        .evidence("sessionsFatal", nz(db.sessionsFatal()))
        .evidence("sessionsKilled", nz(db.sessionsKilled()))
        .evidence("threshold", "low > " + ctx.value(WARN_ABNORMAL_PCT) + " %, medium > " + ctx.value(CRIT_ABNORMAL_PCT) + " %")
        .remediation("-- abandoned: clients drop the socket without closing (crashes, timeouts, LB idle cuts);\n"
            + "-- fatal: auth failures or limits (see the server log); killed: pg_terminate_backend or timeouts.\n"
            + "ALTER SYSTEM SET log_disconnections = on;  SELECT pg_reload_conf();\n"
            + "-- rollback: ALTER SYSTEM RESET log_disconnections; SELECT pg_reload_conf();")
        .build());
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
