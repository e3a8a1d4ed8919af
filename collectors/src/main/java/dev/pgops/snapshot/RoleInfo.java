package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * A role from {@code pg_roles}. {@code passwordType} is "scram-sha-256", "md5", "plain", "none", or
 * "unknown" when the collecting role may not read {@code pg_authid}. {@code settings} are the
 * role's own {@code ALTER ROLE … SET} values ({@code rolconfig}). Predefined roles ({@code pg_*}) are
 * not listed; {@code memberOf} may name them. {@code validUntil} is null for "no expiry" and infinity.
 */
public record RoleInfo(
    String name, boolean superuser, boolean canLogin, boolean replication, boolean bypassRls,
    boolean createRole, boolean createDb, int connectionLimit, Instant validUntil, String passwordType,
    List<String> memberOf, List<String> settings) {

  public RoleInfo {
    memberOf = List.copyOf(memberOf == null ? List.of() : memberOf);
    settings = List.copyOf(settings == null ? List.of() : settings);
  }
}
