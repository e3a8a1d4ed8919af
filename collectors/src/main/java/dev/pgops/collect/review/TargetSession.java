package dev.pgops.collect.review;

import java.util.List;

/**
 * A session that holds or waits for a lock on a table a migration touches, or (with {@code target} null) a
 * transaction of the database older than the review's long-transaction age that holds none.
 *
 * @param target        schema.table the lock is on (a lock on one of its partitions counts), or null
 * @param pid           the backend, or null for a prepared transaction
 * @param user          {@code usename}; null when pgops may not see it (no pg_read_all_stats)
 * @param application   {@code application_name}
 * @param state         {@code state} (active, idle in transaction, …); null for a prepared transaction
 * @param backendType   {@code backend_type} ("client backend", "autovacuum worker", …)
 * @param granted       true: holds the locks; false: waits for them; null for a long transaction without target
 * @param lockModes     the lock modes held or awaited on the target ("AccessShareLock", …)
 * @param xactAgeSec    age of its transaction in seconds, or null when it is not in a transaction
 * @param stateAgeSec   seconds since its state last changed, or null
 * @param waitEventType {@code wait_event_type} or null
 * @param waitEvent     {@code wait_event} or null
 * @param blockedBy     for a waiting lock, the pids it waits behind ({@code pg_blocking_pids})
 */
public record TargetSession(String target, Integer pid, String user, String application, String state,
    String backendType, Boolean granted, List<String> lockModes, Long xactAgeSec, Long stateAgeSec,
    String waitEventType, String waitEvent, List<Integer> blockedBy) {

  public TargetSession {
    lockModes = List.copyOf(lockModes == null ? List.of() : lockModes);
    blockedBy = List.copyOf(blockedBy == null ? List.of() : blockedBy);
  }
}
