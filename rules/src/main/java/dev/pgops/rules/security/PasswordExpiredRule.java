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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "password-expired", area = Area.SECURITY, checklist = "SEC-2", severity = Severity.LOW,
    summary = "A login role's password has expired or expires soon")
public final class PasswordExpiredRule implements Rule {
  static final Threshold WARN_DAYS = Threshold.of("warnDays", 14, "report passwords expiring within this many days");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_DAYS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<RoleInfo> roles = ctx.require(s.roles(), "roles");
    Duration warn = Duration.ofSeconds((long) (ctx.value(WARN_DAYS) * 86400));
    List<Finding> out = new ArrayList<>();
    for (RoleInfo r : roles) {
      // VALID UNTIL only limits password authentication: roles without a password are not affected.
      if (!r.canLogin() || r.validUntil() == null || "none".equals(r.passwordType())) continue;
      Duration left = Duration.between(ctx.now(), r.validUntil());
      boolean expired = left.isNegative() || left.isZero();
      if (!expired && left.compareTo(warn) > 0) continue;
      String msg = expired
          ? "Login role " + r.name() + ": password expired " + RuleContext.human(left.negated()) + " ago ("
              + r.validUntil() + "); password logins fail"
          : "Login role " + r.name() + ": password expires in " + RuleContext.human(left) + " (" + r.validUntil() + ")";
      out.add(ctx.finding(Location.object("role", null, r.name()), msg)
          .severity(expired ? Severity.LOW : Severity.INFO)
          .evidence("validUntil", r.validUntil())
          .evidence("passwordType", r.passwordType())
          .remediation("-- rotate the password, then move the expiry (or remove it if the role is managed elsewhere):\n"
              + "ALTER ROLE " + Sql.ident(r.name()) + " VALID UNTIL '<new date>';\n"
              + "-- or: ALTER ROLE " + Sql.ident(r.name()) + " VALID UNTIL 'infinity';\n"
              + "-- if the role is unused, consider ALTER ROLE " + Sql.ident(r.name()) + " NOLOGIN;")
          .build());
    }
    return out;
  }
}
