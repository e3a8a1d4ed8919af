package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.stream.Collectors;

@RuleInfo(id = "pending-restart", area = Area.CONFIGURATION, checklist = "CFG-1", severity = Severity.MEDIUM,
    summary = "Configuration was changed but the change waits for a server restart")
public final class PendingRestartRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<Setting> pending = SettingValues.require(s, ctx).stream().filter(Setting::pendingRestart).toList();
    if (pending.isEmpty()) return List.of();
    String list = pending.stream()
        .map(p -> p.name() + " (running " + SettingValues.shown(p) + ", reset value " + p.resetValue() + ")")
        .collect(Collectors.joining(", "));
    var b = ctx.finding(Location.server(), pending.size() + " setting" + (pending.size() == 1 ? " was" : "s were")
            + " changed in the configuration files but only apply after a restart: " + list
            + ". The running server differs from its files, and the next restart (perhaps an unplanned one) changes behaviour")
        .severity(Severity.MEDIUM);
    for (Setting p : pending) b.evidence(p.name(), SettingValues.shown(p) + " (reset value " + p.resetValue() + ")");
    return List.of(b.remediation("-- see the new values waiting in the files:\n"
            + "SELECT name, setting, applied, error, sourcefile, sourceline FROM pg_file_settings\n"
            + " WHERE name IN (" + pending.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(", ")) + ");\n"
            + "-- then restart in a maintenance window, or revert the file change (ALTER SYSTEM RESET <name>) if unintended")
        .build());
  }
}
