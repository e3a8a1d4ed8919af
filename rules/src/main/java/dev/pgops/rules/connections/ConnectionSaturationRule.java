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
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "connection-saturation", area = Area.CONNECTIONS, checklist = "CON-1", severity = Severity.MEDIUM,
    summary = "Connections are close to the max_connections limit")
public final class ConnectionSaturationRule implements Rule {
  static final Threshold WARN_PCT = Threshold.of("warnPercent", 70, "medium from this share of usable connections (%)");
  static final Threshold CRIT_PCT = Threshold.of("critPercent", 90, "high from this share of usable connections (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PCT, CRIT_PCT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    int usable = a.maxConnections() - a.reservedConnections();
    if (a.maxConnections() <= 0 || usable <= 0) throw ctx.notEvaluated("max_connections unknown in the activity summary");
    // background workers and autovacuum have their own slots; client backends count against max_connections
    int used = a.clientBackends() > 0 ? a.clientBackends() : a.totalBackends();
    double ratio = (double) used / usable;
    double warn = ctx.value(WARN_PCT) / 100, crit = ctx.value(CRIT_PCT) / 100;
    if (ratio < warn) return List.of();
    return List.of(ctx.finding(Location.server(),
            used + " of " + usable + " usable connections in use (" + Fmt.pctDown(ratio) + "; max_connections "
                + a.maxConnections() + " minus " + a.reservedConnections() + " reserved)")
        .severity(ratio >= crit ? Severity.HIGH : Severity.MEDIUM)
        .evidence("clientBackends", a.clientBackends())
        .evidence("totalBackends", a.totalBackends())
        .evidence("maxConnections", a.maxConnections())
        .evidence("reservedConnections", a.reservedConnections())
        .evidence("byState", a.byState())
        .evidence("threshold", "medium >= " + ctx.value(WARN_PCT) + " %, high >= " + ctx.value(CRIT_PCT) + " %")
        .remediation("-- put a connection pooler (PgBouncer, pgcat, the driver's pool) in front and size pools so\n"
            + "-- their sum stays below max_connections; close idle sessions:\n"
            + "SELECT pid, usename, application_name, state, now() - state_change AS for\n"
            + "  FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY state, for DESC;")
        .build());
  }
}
