package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.IndexStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Indexes of user tables with usage statistics, key/include columns, opclasses and collations. */
public final class IndexesCollector implements Collector<List<IndexStats>> {
  private static final VersionedSql SQL = VersionedSql.of(IndexesCollector.class, "indexes");

  @Override
  public String name() {
    return "indexes";
  }

  @Override
  public long timeoutMs() {
    return 15_000;
  }

  @Override
  public Section<List<IndexStats>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), IndexesCollector::row));
  }

  static IndexStats row(ResultSet rs) throws SQLException {
    return new IndexStats(
        rs.getString("schema_name"), rs.getString("table_name"), rs.getString("name"), rs.getString("method"),
        rs.getLong("size_bytes"), rs.getLong("scans"), rs.getLong("tuples_read"), rs.getLong("tuples_fetched"),
        rs.getLong("blocks_read"), rs.getLong("blocks_hit"),
        rs.getBoolean("valid"), rs.getBoolean("ready"), rs.getBoolean("is_unique"), rs.getBoolean("is_primary"),
        rs.getBoolean("replica_identity"), rs.getString("constraint_type"),
        Rows.strings(rs, "key_columns"), Rows.strings(rs, "include_columns"),
        Rows.strings(rs, "opclasses"), Rows.strings(rs, "collations"),
        rs.getString("predicate"), rs.getString("definition"), Rows.instant(rs, "last_scan"));
  }
}
