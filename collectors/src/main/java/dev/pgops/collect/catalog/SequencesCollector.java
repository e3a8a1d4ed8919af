package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.SequenceInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Sequences and the columns they feed. */
public final class SequencesCollector implements Collector<List<SequenceInfo>> {
  private static final VersionedSql SQL = VersionedSql.of(SequencesCollector.class, "sequences");

  @Override
  public String name() {
    return "sequences";
  }

  @Override
  public Section<List<SequenceInfo>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), SequencesCollector::row));
  }

  static SequenceInfo row(ResultSet rs) throws SQLException {
    return new SequenceInfo(
        rs.getString("schema_name"), rs.getString("name"), rs.getString("data_type"), Rows.nullableLong(rs, "last_value"),
        rs.getLong("min_value"), rs.getLong("max_value"), rs.getLong("increment_by"), rs.getBoolean("cycle"),
        rs.getString("owned_by_schema"), rs.getString("owned_by_table"), rs.getString("owned_by_column"),
        rs.getString("owned_by_column_type"));
  }
}
