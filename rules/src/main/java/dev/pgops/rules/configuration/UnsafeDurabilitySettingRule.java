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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "unsafe-durability-setting", area = Area.CONFIGURATION, checklist = "CFG-2", severity = Severity.CRITICAL,
    summary = "A setting trades crash safety for speed (fsync, full_page_writes, zero_damaged_pages, synchronous_commit)")
public final class UnsafeDurabilitySettingRule implements Rule {
  /** pg_settings sources that describe only the collecting session, not the server. */
  private static final Set<String> SESSION_SOURCES = Set.of("database", "user", "database user", "client", "session");

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    List<Finding> out = new ArrayList<>();
    s.setting("fsync").filter(x -> isOff(x)).ifPresent(x -> out.add(finding(ctx, x, Severity.CRITICAL,
        "fsync is off: after an operating-system crash or power loss the cluster can be silently corrupted, "
            + "not just lose recent commits", "ALTER SYSTEM SET fsync = on;", "ALTER SYSTEM SET fsync = off;")));
    s.setting("full_page_writes").filter(x -> isOff(x)).ifPresent(x -> out.add(finding(ctx, x, Severity.CRITICAL,
        "full_page_writes is off: a page torn by a crash mid-write cannot be repaired from WAL, so crash recovery "
            + "can leave corrupt pages (safe only on storage that guarantees atomic 8 kB writes)",
        "ALTER SYSTEM SET full_page_writes = on;", "ALTER SYSTEM SET full_page_writes = off;")));
    s.setting("zero_damaged_pages").filter(x -> SettingValues.bool(x).orElse(false)).ifPresent(x -> out.add(finding(ctx, x,
        Severity.CRITICAL, "zero_damaged_pages is on: pages with a damaged header are silently replaced by zeros "
            + "when read, destroying their rows instead of raising an error",
        "ALTER SYSTEM SET zero_damaged_pages = off;", "-- none: leave it off except during a supervised recovery")));
    s.setting("synchronous_commit").filter(x -> isOff(x) && !SESSION_SOURCES.contains(String.valueOf(x.source())))
        .ifPresent(x -> out.add(finding(ctx, x, Severity.LOW,
            "synchronous_commit is off server-wide: a crash loses the last commits (up to 3 x wal_writer_delay) that "
                + "clients were told succeeded; the database stays consistent. Prefer turning it off only for the "
                + "sessions or transactions that can afford it",
            "ALTER SYSTEM SET synchronous_commit = on;", "ALTER SYSTEM SET synchronous_commit = off;")));
    return out;
  }

  private static boolean isOff(Setting x) {
    return SettingValues.isFalse(x);
  }

  private static Finding finding(RuleContext ctx, Setting x, Severity sev, String msg, String fix, String rollback) {
    return ctx.finding(Location.object("setting", null, x.name()), msg)
        .severity(sev)
        .evidence(x.name(), SettingValues.text(x))
        .evidence("source", x.source())
        .remediation(fix + "\nSELECT pg_reload_conf();\n-- rollback:\n" + rollback + "\nSELECT pg_reload_conf();")
        .build();
  }
}
