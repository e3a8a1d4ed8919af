package dev.pgops.backup;

import dev.pgops.collect.Collector;
import dev.pgops.collect.CollectorSkipped;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.Section;
import java.sql.SQLException;

/**
 * The {@code control} section: {@code pg_control_system()}, whose system identifier and the server's major are
 * what backups are matched against. PostgreSQL grants EXECUTE on it to PUBLIC, so any role (pg_monitor or not) can
 * read it; where an administrator revoked that, the collector is skipped with the GRANT that would fix it.
 */
public final class ControlDataCollector implements Collector<ControlData> {
  public static final String NAME = "control";
  private static final VersionedSql SQL = VersionedSql.of(ControlDataCollector.class, "control_system");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Section<ControlData> collect(PgSession pg) throws SQLException {
    try {
      return Section.of(pg.queryOne(SQL.forVersion(pg.version()), rs -> new ControlData(
          Long.toUnsignedString(rs.getLong("system_identifier")), rs.getInt("pg_control_version"),
          rs.getLong("catalog_version_no"))));
    } catch (SQLException e) {
      if (!"42501".equals(e.getSQLState())) throw e;
      throw new CollectorSkipped("permission denied for function pg_control_system (EXECUTE was revoked from PUBLIC:"
          + " GRANT EXECUTE ON FUNCTION pg_control_system() TO " + pg.spec().user() + ")");
    }
  }
}
