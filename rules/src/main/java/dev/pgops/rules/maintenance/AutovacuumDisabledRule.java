package dev.pgops.rules.maintenance;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "autovacuum-disabled", area = Area.MAINTENANCE, checklist = "MNT-3", severity = Severity.CRITICAL,
    summary = "Autovacuum is turned off server-wide (autovacuum or track_counts is off)")
public final class AutovacuumDisabledRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    ctx.require(s.settings(), "settings");
    List<Finding> out = new ArrayList<>();
    check(s, ctx, "autovacuum", "Autovacuum is off: dead rows pile up, statistics go stale, and only emergency"
        + " anti-wraparound vacuums still run", out);
    check(s, ctx, "track_counts", "track_counts is off: autovacuum has no row counts to act on, so no table is"
        + " vacuumed or analyzed automatically", out);
    return out;
  }

  private static void check(Snapshot s, RuleContext ctx, String name, String message, List<Finding> out) {
    Optional<Setting> st = s.setting(name);
    if (st.isEmpty() || !SettingValues.isFalse(st.get())) return;
    out.add(ctx.finding(Location.object("setting", null, name), message)
        .severity(Severity.CRITICAL)
        .evidence(name, st.get().setting())
        .evidence("source", st.get().source())
        .remediation("ALTER SYSTEM SET " + name + " = on;\n"
            + "SELECT pg_reload_conf();   -- no restart needed\n"
            + "-- also remove any '" + name + " = off' from postgresql.conf / ALTER DATABASE / ALTER ROLE settings\n"
            + "-- rollback: ALTER SYSTEM RESET " + name + "; SELECT pg_reload_conf();\n"
            + "-- expect a burst of autovacuum work on tables that have not been vacuumed for a while.")
        .build());
  }
}
