package dev.pgops.collect.stats;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.Section;
import java.sql.SQLException;

/**
 * {@code pg_stat_archiver}, and the archive backlog: the {@code .ready} files counted with
 * {@code pg_ls_archive_statusdir()} when the role may call it (pg_monitor or superuser), else a null count.
 */
public final class ArchiverCollector implements Collector<ArchiverStats> {
  private static final VersionedSql SQL = VersionedSql.of(ArchiverCollector.class, "archiver");
  private static final VersionedSql READY_ALLOWED = VersionedSql.of(ArchiverCollector.class, "archive_ready_allowed");
  private static final VersionedSql READY = VersionedSql.of(ArchiverCollector.class, "archive_ready");

  @Override
  public String name() {
    return "archiver";
  }

  @Override
  public Section<ArchiverStats> collect(PgSession pg) throws SQLException {
    Long ready = null;
    if (pg.queryOne(READY_ALLOWED.forVersion(pg.version()), rs -> rs.getBoolean("allowed"))) {
      ready = pg.queryOne(READY.forVersion(pg.version()), rs -> rs.getLong("ready"));
    }
    Long readyCount = ready;
    return Section.of(pg.queryOne(SQL.forVersion(pg.version()), rs -> new ArchiverStats(
        rs.getLong("archived_count"), rs.getString("last_archived_wal"), Rows.instant(rs, "last_archived_time"),
        rs.getLong("failed_count"), rs.getString("last_failed_wal"), Rows.instant(rs, "last_failed_time"),
        Rows.instant(rs, "stats_reset"), readyCount)));
  }
}
