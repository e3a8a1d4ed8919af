package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "logging-gaps", area = Area.CONFIGURATION, checklist = "CFG-4", severity = Severity.INFO,
    summary = "Useful server logging is off (lock waits, slow statements, autovacuum, temp files, checkpoints)")
public final class LoggingGapsRule implements Rule {
  private static final List<String> NAMES = List.of("log_lock_waits", "log_min_duration_statement",
      "log_autovacuum_min_duration", "log_temp_files", "log_checkpoints");

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    List<String> gaps = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    off(s, "log_lock_waits", "lock waits longer than deadlock_timeout", "on", gaps, fixes);
    disabled(s, "log_min_duration_statement", "slow statements", "'1s'", gaps, fixes);
    disabled(s, "log_autovacuum_min_duration", "autovacuum runs", "'10min'", gaps, fixes);
    disabled(s, "log_temp_files", "temporary files", "'0'", gaps, fixes);
    off(s, "log_checkpoints", "checkpoints", "on", gaps, fixes);
    if (gaps.isEmpty()) return List.of();
    var b = ctx.finding(Location.server(), "The server log does not record: " + String.join("; ", gaps)
            + ". These are the first evidence wanted in an incident")
        .severity(Severity.INFO)
        .evidence("missing", String.join("; ", gaps));
    for (String name : NAMES) s.setting(name).ifPresent(x -> b.evidence(name, SettingValues.shown(x)));
    return List.of(b.remediation(String.join("\n", fixes)
            + "\nSELECT pg_reload_conf();\n-- rollback: ALTER SYSTEM RESET <name>; SELECT pg_reload_conf();")
        .build());
  }

  private static void off(Snapshot s, String name, String what, String value, List<String> gaps, List<String> fixes) {
    s.setting(name).filter(x -> !SettingValues.bool(x).orElse(true)).ifPresent(x -> {
      gaps.add(what + " (" + name + " off)");
      fixes.add("ALTER SYSTEM SET " + name + " = " + value + ";");
    });
  }

  private static void disabled(Snapshot s, String name, String what, String value, List<String> gaps, List<String> fixes) {
    s.setting(name).filter(x -> SettingValues.number(x).orElse(0) == -1).ifPresent(x -> {
      gaps.add(what + " (" + name + " = -1)");
      fixes.add("ALTER SYSTEM SET " + name + " = " + value + ";");
    });
  }
}
