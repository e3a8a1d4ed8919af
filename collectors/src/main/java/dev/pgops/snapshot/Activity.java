package dev.pgops.snapshot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summary of {@code pg_stat_activity} at collection time: connection counts against the limits, the
 * count per state, the oldest transaction / query / idle-in-transaction ages, how many sessions wait on
 * a lock or are blocked, the oldest {@code backend_xmin} age (the xmin horizon held by sessions),
 * the notable sessions (capped) and prepared transactions.
 */
public record Activity(
    int maxConnections, int reservedConnections, int totalBackends, int clientBackends,
    Map<String, Integer> byState, int idleInTransaction, int waitingOnLock, int blocked,
    int connectedLast15Min,
    long oldestXactAgeSec, long oldestQueryAgeSec, long oldestIdleInTransactionSec, long oldestBackendXminAge,
    List<SessionInfo> sessions, List<PreparedXact> preparedXacts) {

  public Activity {
    byState = new TreeMap<>(byState == null ? Map.of() : byState);
    sessions = List.copyOf(sessions == null ? List.of() : sessions);
    preparedXacts = List.copyOf(preparedXacts == null ? List.of() : preparedXacts);
  }

  /** A session worth naming: long transaction, idle in transaction, blocked, or holding the xmin horizon. */
  public record SessionInfo(
      int pid, String user, String application, String database, String state, String backendType,
      long xactAgeSec, long queryAgeSec, long stateAgeSec, long backendXminAge,
      String waitEventType, String waitEvent, List<Integer> blockedBy, String query) {
    public SessionInfo {
      blockedBy = List.copyOf(blockedBy == null ? List.of() : blockedBy);
    }
  }

  public record PreparedXact(String gid, String owner, String database, long ageSec, long xidAge) {}
}
