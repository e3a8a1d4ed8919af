package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.BloatEstimate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Catalog-based table bloat estimates (ioguix method, no pgstattuple). */
public final class TableBloatCollector implements Collector<List<BloatEstimate>> {
  private static final VersionedSql SQL = VersionedSql.of(TableBloatCollector.class, "table_bloat");

  @Override
  public String name() {
    return "tableBloat";
  }

  @Override
  public long timeoutMs() {
    return 15_000;
  }

  @Override
  public Section<List<BloatEstimate>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), TableBloatCollector::row));
  }

  static BloatEstimate row(ResultSet rs) throws SQLException {
    return new BloatEstimate(
        rs.getString("schema_name"), rs.getString("table_name"), null,
        rs.getLong("actual_bytes"), rs.getLong("expected_bytes"), rs.getBoolean("stats_missing"));
  }
}
