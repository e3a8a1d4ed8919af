package dev.pgops.rules.security;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.stream.Collectors;

@RuleInfo(id = "too-many-superusers", area = Area.SECURITY, checklist = "SEC-1", severity = Severity.MEDIUM,
    summary = "More roles have superuser than a break-glass account or two")
public final class TooManySuperusersRule implements Rule {
  static final Threshold MAX_LOGIN = Threshold.of("maxLoginSuperusers", 2, "report more superusers that can log in than this");
  static final Threshold MAX_TOTAL = Threshold.of("maxSuperusers", 3, "report more superusers overall than this");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MAX_LOGIN, MAX_TOTAL);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<RoleInfo> roles = ctx.require(s.roles(), "roles");
    List<RoleInfo> supers = roles.stream().filter(RoleInfo::superuser).sorted((a, b) -> a.name().compareTo(b.name())).toList();
    List<RoleInfo> login = supers.stream().filter(RoleInfo::canLogin).toList();
    if (login.size() <= ctx.value(MAX_LOGIN) && supers.size() <= ctx.value(MAX_TOTAL)) return List.of();
    String names = supers.stream().map(r -> r.name() + (r.canLogin() ? "" : " (nologin)")).collect(Collectors.joining(", "));
    String fix = supers.stream().filter(r -> !r.name().equals("postgres"))
        .map(r -> "ALTER ROLE " + Sql.ident(r.name()) + " NOSUPERUSER;  -- rollback: ALTER ROLE " + Sql.ident(r.name()) + " SUPERUSER;")
        .collect(Collectors.joining("\n"));
    return List.of(ctx.finding(Location.server(), supers.size() + " superuser roles, " + login.size()
            + " of which can log in: " + names + ". A superuser bypasses every permission check and can run programs "
            + "on the server as the OS user")
        .severity(Severity.MEDIUM)
        .evidence("superusers", names)
        .evidence("loginSuperusers", login.size())
        .evidence("thresholds", "login > " + (long) ctx.value(MAX_LOGIN) + " or total > " + (long) ctx.value(MAX_TOTAL))
        .remediation("-- keep one break-glass superuser (the bootstrap role cannot lose it); give the others what they need,\n"
            + "-- e.g. GRANT pg_monitor / pg_read_all_data / CREATEROLE / object owners, then:\n" + fix)
        .build());
  }
}
