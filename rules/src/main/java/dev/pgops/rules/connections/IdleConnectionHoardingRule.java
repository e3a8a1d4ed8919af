package dev.pgops.rules.connections;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "idle-connection-hoarding", area = Area.CONNECTIONS, checklist = "CON-4", severity = Severity.LOW,
    summary = "Many connections sit idle")
public final class IdleConnectionHoardingRule implements Rule {
  static final Threshold WARN = Threshold.of("warnIdle", 100, "low from this many idle sessions");
  static final Threshold CRIT = Threshold.of("critIdle", 500, "medium from this many idle sessions");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN, CRIT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    int idle = a.byState().getOrDefault("idle", 0);
    double warn = ctx.value(WARN), crit = ctx.value(CRIT);
    if (idle < warn) return List.of();
    return List.of(ctx.finding(Location.server(),
            idle + " idle connections of " + a.clientBackends() + " client backends (max_connections "
                + a.maxConnections() + "): each holds a backend and its memory")
        .severity(idle >= crit ? Severity.MEDIUM : Severity.LOW)
        .evidence("idle", idle)
        .evidence("clientBackends", a.clientBackends())
        .evidence("maxConnections", a.maxConnections())
        .evidence("threshold", "low >= " + (long) warn + ", medium >= " + (long) crit)
        .remediation("-- use a transaction-mode pooler, or shrink application pool sizes / idle timeouts;\n"
            + "-- PG14+ can close sessions idle too long (beware: also pooler connections):\n"
            + "-- ALTER ROLE app SET idle_session_timeout = '1h';  -- rollback: ALTER ROLE app RESET idle_session_timeout;")
        .build());
  }
}
