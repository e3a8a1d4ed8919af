package dev.pgops.collect.stats;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Section;
import java.sql.SQLException;
import java.util.List;

/** Role (primary / standby), standbys from {@code pg_stat_replication}, and replication slots. */
public final class ReplicationCollector implements Collector<Replication> {
  private static final VersionedSql STATE = VersionedSql.of(ReplicationCollector.class, "replication_state");
  private static final VersionedSql STANDBYS = VersionedSql.of(ReplicationCollector.class, "standbys");
  private static final VersionedSql SLOTS = VersionedSql.of(ReplicationCollector.class, "slots");

  @Override
  public String name() {
    return "replication";
  }

  private record State(boolean inRecovery, Long replayDelaySec) {}

  @Override
  public Section<Replication> collect(PgSession pg) throws SQLException {
    State st = pg.queryOne(STATE.forVersion(pg.version()),
        rs -> new State(rs.getBoolean("in_recovery"), Rows.nullableLong(rs, "replay_delay_sec")));
    List<Replication.Standby> standbys = pg.query(STANDBYS.forVersion(pg.version()), rs -> new Replication.Standby(
        rs.getString("application_name"), rs.getString("client_address"), rs.getString("state"),
        rs.getString("sync_state"), rs.getLong("lag_bytes"), Rows.nullableDouble(rs, "write_lag_sec"),
        Rows.nullableDouble(rs, "flush_lag_sec"), Rows.nullableDouble(rs, "replay_lag_sec")));
    List<Replication.Slot> slots = pg.query(SLOTS.forVersion(pg.version()), rs -> new Replication.Slot(
        rs.getString("slot_name"), rs.getString("slot_type"), rs.getString("plugin"), rs.getString("database"),
        rs.getBoolean("active"), rs.getBoolean("temporary"), rs.getString("wal_status"), rs.getLong("retained_bytes"),
        Rows.nullableLong(rs, "safe_wal_size"), Rows.nullableLong(rs, "xmin_age"),
        Rows.nullableLong(rs, "catalog_xmin_age")));
    return Section.of(new Replication(st.inRecovery(), st.replayDelaySec(), standbys, slots));
  }
}
