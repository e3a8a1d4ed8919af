package dev.pgops.collect.stats;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.Section;
import java.sql.SQLException;
import java.util.List;

/**
 * Instance pressure: checkpoints ({@code pg_stat_bgwriter} before 17, {@code pg_stat_checkpointer}
 * from 17), the background writer, {@code pg_stat_wal} (14+, else null) and the active
 * {@code pg_stat_io} rows (16+, else empty). One statement per view: two to four in all.
 */
public final class PressureCollector implements Collector<InstancePressure> {
  public static final String NAME = "pressure";
  static final int FIRST_WAL_MAJOR = 14;
  static final int FIRST_IO_MAJOR = 16;

  private static final VersionedSql CHECKPOINTS = VersionedSql.of(PressureCollector.class, "pressure_checkpoints");
  private static final VersionedSql BGWRITER = VersionedSql.of(PressureCollector.class, "pressure_bgwriter");
  private static final VersionedSql WAL = VersionedSql.of(PressureCollector.class, "pressure_wal");
  private static final VersionedSql IO = VersionedSql.of(PressureCollector.class, "pressure_io");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Section<InstancePressure> collect(PgSession pg) throws SQLException {
    int major = pg.version().major();
    InstancePressure.Checkpoints checkpoints = pg.queryOne(CHECKPOINTS.forMajor(major), rs ->
        new InstancePressure.Checkpoints(rs.getLong("timed"), rs.getLong("requested"), Rows.nullableLong(rs, "done"),
            rs.getDouble("write_time_ms"), rs.getDouble("sync_time_ms"), rs.getLong("buffers_written"),
            Rows.instant(rs, "stats_reset")));
    InstancePressure.BgWriter bgwriter = pg.queryOne(BGWRITER.forMajor(major), rs ->
        new InstancePressure.BgWriter(rs.getLong("buffers_clean"), rs.getLong("maxwritten_clean"),
            rs.getLong("buffers_alloc"), Rows.nullableLong(rs, "buffers_backend"),
            Rows.nullableLong(rs, "buffers_backend_fsync"), Rows.instant(rs, "stats_reset")));
    InstancePressure.Wal wal = major < FIRST_WAL_MAJOR ? null : pg.queryOne(WAL.forMajor(major), rs ->
        new InstancePressure.Wal(rs.getLong("records"), rs.getLong("fpi"), rs.getLong("bytes"),
            rs.getLong("buffers_full"), Rows.instant(rs, "stats_reset")));
    List<InstancePressure.IoStat> io = major < FIRST_IO_MAJOR ? List.of() : pg.query(IO.forMajor(major), rs ->
        new InstancePressure.IoStat(rs.getString("backend_type"), rs.getString("object"), rs.getString("context"),
            Rows.nullableLong(rs, "reads"), Rows.nullableLong(rs, "writes"), Rows.nullableLong(rs, "writebacks"),
            Rows.nullableLong(rs, "extends"), Rows.nullableLong(rs, "hits"), Rows.nullableLong(rs, "evictions"),
            Rows.nullableLong(rs, "reuses"), Rows.nullableLong(rs, "fsyncs"),
            Rows.nullableDouble(rs, "read_time_ms"), Rows.nullableDouble(rs, "write_time_ms")));
    return Section.of(new InstancePressure(checkpoints, bgwriter, wal, io));
  }
}
