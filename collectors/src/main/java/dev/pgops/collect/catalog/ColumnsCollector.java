package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.ColumnInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Columns of user tables. */
public final class ColumnsCollector implements Collector<List<ColumnInfo>> {
  private static final VersionedSql SQL = VersionedSql.of(ColumnsCollector.class, "columns");

  @Override
  public String name() {
    return "columns";
  }

  @Override
  public Section<List<ColumnInfo>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), ColumnsCollector::row));
  }

  static ColumnInfo row(ResultSet rs) throws SQLException {
    return new ColumnInfo(
        rs.getString("schema_name"), rs.getString("table_name"), rs.getString("name"), rs.getInt("position"),
        rs.getString("data_type"), rs.getBoolean("not_null"), rs.getString("default_expression"),
        rs.getString("identity"), rs.getString("generated"), rs.getString("comment"));
  }
}
