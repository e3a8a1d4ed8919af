package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "safety-timeouts-unset", area = Area.CONFIGURATION, checklist = "CFG-3", severity = Severity.LOW,
    summary = "No idle_in_transaction_session_timeout protects against sessions left in an open transaction")
public final class SafetyTimeoutsUnsetRule implements Rule {
  static final String IDLE = "idle_in_transaction_session_timeout";

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    Setting idle = s.setting(IDLE).orElseThrow(() -> ctx.notEvaluated(IDLE + " not in settings"));
    if (SettingValues.millis(idle).orElse(0) > 0) return List.of();
    Optional<List<RoleInfo>> roles = s.roles().collected();
    List<RoleInfo> appRoles = roles.orElse(List.of()).stream()
        .filter(r -> r.canLogin() && !r.superuser() && !r.replication()).toList();
    List<String> uncovered = appRoles.stream().filter(r -> !setsTimeout(r)).map(RoleInfo::name).sorted().toList();
    if (roles.isPresent() && !appRoles.isEmpty() && uncovered.isEmpty()) return List.of();
    String who = roles.isEmpty() ? " (roles not collected: per-role settings unknown)"
        : uncovered.isEmpty() ? "" : "; login roles without their own value: " + String.join(", ", uncovered);
    return List.of(ctx.finding(Location.object("setting", null, IDLE),
            IDLE + " is 0: a session left idle in a transaction holds its locks and its snapshot (blocking vacuum) "
                + "until someone kills it" + who)
        .severity(Severity.LOW)
        .evidence(IDLE, SettingValues.shown(idle))
        .evidence("rolesWithoutTimeout", String.join(", ", uncovered))
        .remediation("ALTER SYSTEM SET " + IDLE + " = '10min';\nSELECT pg_reload_conf();\n"
            + "-- or per application role: ALTER ROLE <app> SET " + IDLE + " = '10min';\n"
            + "-- rollback:\nALTER SYSTEM RESET " + IDLE + ";\nSELECT pg_reload_conf();")
        .build());
  }

  private static boolean setsTimeout(RoleInfo r) {
    return r.settings().stream().anyMatch(x -> x.startsWith(IDLE + "=") && !x.substring(IDLE.length() + 1).trim().equals("0"));
  }
}
