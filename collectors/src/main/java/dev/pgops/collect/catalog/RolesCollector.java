package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.RoleInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Roles (predefined pg_* roles left out); the password type only when pg_authid is readable. */
public final class RolesCollector implements Collector<List<RoleInfo>> {
  private static final VersionedSql SQL = VersionedSql.of(RolesCollector.class, "roles");
  private static final VersionedSql SQL_AUTHID = VersionedSql.of(RolesCollector.class, "roles_authid");

  @Override
  public String name() {
    return "roles";
  }

  @Override
  public Section<List<RoleInfo>> collect(PgSession pg) throws SQLException {
    boolean authid = pg.queryOne("SELECT has_table_privilege('pg_catalog.pg_authid', 'SELECT')", rs -> rs.getBoolean(1));
    VersionedSql sql = authid ? SQL_AUTHID : SQL;
    return Section.of(pg.query(sql.forVersion(pg.version()), RolesCollector::row));
  }

  static RoleInfo row(ResultSet rs) throws SQLException {
    return new RoleInfo(
        rs.getString("name"), rs.getBoolean("superuser"), rs.getBoolean("can_login"), rs.getBoolean("replication"),
        rs.getBoolean("bypass_rls"), rs.getBoolean("create_role"), rs.getBoolean("create_db"),
        rs.getInt("connection_limit"), Rows.instant(rs, "valid_until"), rs.getString("password_type"),
        Rows.strings(rs, "member_of"), Rows.strings(rs, "settings"));
  }
}
