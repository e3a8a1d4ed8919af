package dev.pgops.rules.connections;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

@RuleInfo(id = "max-connections-oversized", area = Area.CONNECTIONS, checklist = "CON-1", severity = Severity.LOW,
    summary = "max_connections is set very high")
public final class MaxConnectionsOversizedRule implements Rule {
  static final Threshold MAX = Threshold.of("maxConnections", 500, "report when max_connections is above this");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MAX);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    OptionalLong setting = SettingValues.number(s, "max_connections");
    Integer value = setting.isPresent() ? Integer.valueOf((int) setting.getAsLong()) : null;
    if (value == null) value = s.activity().collected().map(Activity::maxConnections).filter(v -> v > 0).orElse(null);
    if (value == null) throw ctx.notEvaluated("max_connections not collected (settings and activity unavailable)");
    double max = ctx.value(MAX);
    if (value <= max) return List.of();
    Optional<Integer> clients = s.activity().collected().map(Activity::clientBackends);
    return List.of(ctx.finding(Location.object("setting", null, "max_connections"),
            "max_connections = " + value + " (above " + (long) max + "): every backend costs memory and CPU "
                + "contention; use a connection pooler" + clients.map(c -> " (" + c + " client backends now)").orElse(""))
        .evidence("maxConnections", value)
        .evidence("clientBackends", clients.map(String::valueOf).orElse("unknown"))
        .evidence("threshold", "> " + (long) max)
        .remediation("-- after a pooler is in place and peak usage is known (restart required):\n"
            + "ALTER SYSTEM SET max_connections = 200;\n"
            + "-- rollback: ALTER SYSTEM SET max_connections = " + value + ";  (restart)")
        .build());
  }
}
