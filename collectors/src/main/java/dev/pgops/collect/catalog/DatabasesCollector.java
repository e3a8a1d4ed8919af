package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.DatabaseStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Every database: {@code pg_database} + {@code pg_stat_database}, sizes where readable. */
public final class DatabasesCollector implements Collector<List<DatabaseStats>> {
  private static final VersionedSql SQL = VersionedSql.of(DatabasesCollector.class, "databases");

  @Override
  public String name() {
    return "databases";
  }

  @Override
  public Section<List<DatabaseStats>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), DatabasesCollector::row));
  }

  static DatabaseStats row(ResultSet rs) throws SQLException {
    return new DatabaseStats(
        rs.getString("name"), rs.getLong("size_bytes"), rs.getBoolean("allow_connections"),
        rs.getInt("connection_limit"), rs.getLong("xid_age"), rs.getLong("mxid_age"), rs.getInt("backends"),
        rs.getLong("xact_commit"), rs.getLong("xact_rollback"), rs.getLong("blks_read"), rs.getLong("blks_hit"),
        rs.getLong("temp_files"), rs.getLong("temp_bytes"), rs.getLong("deadlocks"), rs.getLong("conflicts"),
        Rows.nullableLong(rs, "checksum_failures"), Rows.instant(rs, "checksum_last_failure"),
        Rows.nullableLong(rs, "sessions"), Rows.nullableLong(rs, "sessions_abandoned"),
        Rows.nullableLong(rs, "sessions_fatal"), Rows.nullableLong(rs, "sessions_killed"),
        Rows.instant(rs, "stats_reset"));
  }
}
