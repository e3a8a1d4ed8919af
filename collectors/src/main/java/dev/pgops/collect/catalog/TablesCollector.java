package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.TableStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** User tables, partitioned tables and materialized views with sizes and statistics. */
public final class TablesCollector implements Collector<List<TableStats>> {
  private static final VersionedSql SQL = VersionedSql.of(TablesCollector.class, "tables");

  @Override
  public String name() {
    return "tables";
  }

  @Override
  public long timeoutMs() {
    return 15_000;
  }

  @Override
  public Section<List<TableStats>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), TablesCollector::row));
  }

  static TableStats row(ResultSet rs) throws SQLException {
    return new TableStats(
        rs.getString("schema_name"), rs.getString("name"), rs.getString("kind"), rs.getString("persistence"),
        rs.getBoolean("partition"),
        rs.getLong("table_bytes"), rs.getLong("toast_bytes"), rs.getLong("indexes_bytes"), rs.getLong("total_bytes"),
        rs.getLong("estimated_rows"), rs.getLong("live_tuples"), rs.getLong("dead_tuples"), rs.getLong("mods_since_analyze"),
        rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("deleted"), rs.getLong("hot_updated"),
        rs.getLong("seq_scans"), rs.getLong("seq_tuples_read"), rs.getLong("idx_scans"),
        rs.getLong("heap_blocks_read"), rs.getLong("heap_blocks_hit"),
        rs.getLong("xid_age"), rs.getLong("mxid_age"),
        Rows.instant(rs, "last_vacuum"), Rows.instant(rs, "last_autovacuum"), Rows.instant(rs, "last_analyze"),
        Rows.instant(rs, "last_autoanalyze"), Rows.instant(rs, "last_seq_scan"),
        rs.getLong("vacuum_count"), rs.getLong("autovacuum_count"), rs.getLong("analyze_count"),
        rs.getLong("autoanalyze_count"),
        Rows.strings(rs, "options"), rs.getInt("disabled_triggers"), rs.getString("comment"));
  }
}
