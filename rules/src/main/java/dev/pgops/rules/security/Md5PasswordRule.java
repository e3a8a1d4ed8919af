package dev.pgops.rules.security;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "md5-password", area = Area.SECURITY, checklist = "SEC-2", severity = Severity.MEDIUM,
    summary = "A login role's password is stored as an MD5 hash instead of SCRAM")
public final class Md5PasswordRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<RoleInfo> roles = ctx.require(s.roles(), "roles");
    if (!roles.isEmpty() && roles.stream().allMatch(r -> "unknown".equals(r.passwordType()))) {
      throw ctx.notEvaluated("password types unknown: reading pg_authid needs superuser");
    }
    List<Finding> out = new ArrayList<>();
    for (RoleInfo r : roles) {
      if (!r.canLogin() || !"md5".equals(r.passwordType())) continue;
      out.add(ctx.finding(Location.object("role", null, r.name()),
              "Login role " + r.name() + " has an MD5 password hash: MD5 is weak (the hash is enough to log in) "
                  + "and deprecated since PostgreSQL 18")
          .severity(Severity.MEDIUM)
          .evidence("passwordType", r.passwordType())
          .evidence("superuser", r.superuser())
          .remediation("SET password_encryption = 'scram-sha-256';\n"
              + "-- then reset the password, e.g. in psql: \\password " + Sql.ident(r.name()) + "\n"
              + "-- (or ALTER ROLE " + Sql.ident(r.name()) + " PASSWORD '...'; which may end up in logs)\n"
              + "-- once no md5 hashes remain, change pg_hba.conf md5 entries to scram-sha-256")
          .build());
    }
    return out;
  }
}
