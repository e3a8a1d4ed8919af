package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who collected what, when, how, and from which server. {@code serverVersion} is {@code server_version}
 * (e.g. "17.11"), {@code version} the {@code server_version_num}; {@code memberOf} lists the
 * collecting role's memberships among pg_monitor, pg_read_all_settings and pg_read_all_stats;
 * {@code extensions} maps installed extension names to versions. {@code statsReset} is the start of the
 * statistics window of the connected database (null: never reset, window unknown).
 */
public record Meta(
    int schemaVersion,
    String toolVersion,
    Instant collectedAt,
    String serverVersion,
    PgVersion version,
    String database,
    String connectedAs,
    boolean superuser,
    List<String> memberOf,
    boolean inRecovery,
    Instant postmasterStartedAt,
    Instant statsReset,
    Map<String, String> extensions,
    Timeouts timeouts,
    List<CollectorRun> collectors) {

  public static final int SCHEMA_VERSION = 1;

  public Meta {
    memberOf = List.copyOf(memberOf == null ? List.of() : memberOf);
    extensions = new TreeMap<>(extensions == null ? Map.of() : extensions);
    collectors = List.copyOf(collectors == null ? List.of() : collectors);
  }

  /** Session settings every collector ran under. */
  public record Timeouts(long statementTimeoutMs, long lockTimeoutMs, Map<String, Long> perCollectorMs) {
    public Timeouts {
      perCollectorMs = new TreeMap<>(perCollectorMs == null ? Map.of() : perCollectorMs);
    }
  }

  public Meta withCollectors(List<CollectorRun> runs) {
    return new Meta(schemaVersion, toolVersion, collectedAt, serverVersion, version, database, connectedAs,
        superuser, memberOf, inRecovery, postmasterStartedAt, statsReset, extensions, timeouts, runs);
  }
}
