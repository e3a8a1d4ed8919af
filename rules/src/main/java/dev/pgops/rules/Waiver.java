package dev.pgops.rules;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import java.time.LocalDate;

/**
 * An accepted finding: rule + object (qualified name; a trailing {@code *} matches a prefix), with a
 * mandatory reason, owner and expiry. A waived finding stays in the report, in its own section; an
 * expired waiver waives nothing and is itself a finding.
 */
public record Waiver(String rule, String object, String reason, String owner, LocalDate expires) {

  public boolean matches(Finding f) {
    if (!rule.equals(f.ruleId())) return false;
    String name = objectName(f.location());
    if (object.endsWith("*")) return name.startsWith(object.substring(0, object.length() - 1));
    return name.equals(object);
  }

  public boolean expiredAt(LocalDate day) {
    return expires.isBefore(day);
  }

  /** The name a waiver's {@code object} is matched against: schema.name, or a file:line. */
  public static String objectName(Location location) {
    if (location instanceof Location.DbObject o) return o.qualifiedName();
    if (location instanceof Location.SqlFile f) return f.file() + ":" + f.line();
    return "";
  }
}
