package dev.pgops.collect.stats;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Section;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code pg_stat_activity} summary, the notable sessions (capped) and {@code pg_prepared_xacts}:
 * three statements whatever the number of sessions. pgops's own backend is excluded.
 */
public final class ActivityCollector implements Collector<Activity> {
  private static final VersionedSql SUMMARY = VersionedSql.of(ActivityCollector.class, "activity_summary");
  private static final VersionedSql SESSIONS = VersionedSql.of(ActivityCollector.class, "activity_sessions");
  private static final VersionedSql PREPARED = VersionedSql.of(ActivityCollector.class, "prepared_xacts");

  private final int maxSessions;

  public ActivityCollector() {
    this(CollectOptions.DEFAULT_MAX_SESSIONS);
  }

  public ActivityCollector(int maxSessions) {
    this.maxSessions = maxSessions;
  }

  @Override
  public String name() {
    return "activity";
  }

  private record Summary(int maxConnections, int reserved, int total, int client, TreeMap<String, Integer> byState,
      int idleInTx, int waiting, int blocked, int recent, long xactAge, long queryAge, long idleAge, long xminAge) {}

  @Override
  public Section<Activity> collect(PgSession pg) throws SQLException {
    Summary s = pg.queryOne(SUMMARY.forVersion(pg.version()), rs -> {
      List<String> states = Rows.strings(rs, "states");
      List<Integer> counts = Rows.ints(rs, "state_counts");
      TreeMap<String, Integer> byState = new TreeMap<>();
      for (int i = 0; i < states.size() && i < counts.size(); i++) byState.put(states.get(i), counts.get(i));
      return new Summary(rs.getInt("max_connections"), rs.getInt("reserved_connections"), rs.getInt("total_backends"),
          rs.getInt("client_backends"), byState, rs.getInt("idle_in_transaction"), rs.getInt("waiting_on_lock"),
          rs.getInt("blocked"), rs.getInt("connected_last_15_min"), rs.getLong("oldest_xact_age_sec"),
          rs.getLong("oldest_query_age_sec"), rs.getLong("oldest_idle_in_transaction_sec"),
          rs.getLong("oldest_backend_xmin_age"));
    });
    List<Activity.SessionInfo> sessions = pg.query(SESSIONS.forVersion(pg.version()), rs -> new Activity.SessionInfo(
        rs.getInt("pid"), rs.getString("user_name"), rs.getString("application_name"), rs.getString("database"),
        rs.getString("state"), rs.getString("backend_type"), rs.getLong("xact_age_sec"), rs.getLong("query_age_sec"),
        rs.getLong("state_age_sec"), rs.getLong("backend_xmin_age"), rs.getString("wait_event_type"),
        rs.getString("wait_event"), Rows.ints(rs, "blocked_by"), rs.getString("query")), maxSessions);
    List<Activity.PreparedXact> prepared = pg.query(PREPARED.forVersion(pg.version()), rs -> new Activity.PreparedXact(
        rs.getString("gid"), rs.getString("owner"), rs.getString("database"), rs.getLong("age_sec"), rs.getLong("xid_age")));
    return Section.of(new Activity(s.maxConnections(), s.reserved(), s.total(), s.client(), s.byState(), s.idleInTx(),
        s.waiting(), s.blocked(), s.recent(), s.xactAge(), s.queryAge(), s.idleAge(), s.xminAge(), sessions, prepared));
  }
}
