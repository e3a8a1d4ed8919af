package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.ConstraintInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Primary key, foreign key, unique, check and exclusion constraints of user tables. */
public final class ConstraintsCollector implements Collector<List<ConstraintInfo>> {
  private static final VersionedSql SQL = VersionedSql.of(ConstraintsCollector.class, "constraints");

  @Override
  public String name() {
    return "constraints";
  }

  @Override
  public Section<List<ConstraintInfo>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), ConstraintsCollector::row));
  }

  static ConstraintInfo row(ResultSet rs) throws SQLException {
    return new ConstraintInfo(
        rs.getString("schema_name"), rs.getString("table_name"), rs.getString("name"), rs.getString("type"),
        rs.getBoolean("validated"), rs.getBoolean("deferrable"), Rows.strings(rs, "columns"),
        rs.getString("ref_schema"), rs.getString("ref_table"), Rows.strings(rs, "ref_columns"),
        rs.getString("on_delete"), rs.getString("on_update"), rs.getString("definition"));
  }
}
