package dev.pgops.snapshot;

import java.util.List;

/**
 * Replication seen from the connected server: its role, the standbys streaming from it
 * ({@code pg_stat_replication}), its replication slots, and on a standby the replay delay.
 */
public record Replication(
    boolean inRecovery, Long replayDelaySec, List<Standby> standbys, List<Slot> slots) {

  public Replication {
    standbys = List.copyOf(standbys == null ? List.of() : standbys);
    slots = List.copyOf(slots == null ? List.of() : slots);
  }

  /** Lags in seconds are null when the server has not measured them (idle standby). */
  public record Standby(
      String applicationName, String clientAddress, String state, String syncState,
      long lagBytes, Double writeLagSec, Double flushLagSec, Double replayLagSec) {}

  /**
   * {@code walStatus} (reserved, extended, unreserved, lost) and {@code safeWalSizeBytes} are from
   * {@code pg_replication_slots}; {@code retainedBytes} is WAL between the current LSN and
   * {@code restart_lsn}; ages are in transactions, null when the slot holds no xmin.
   */
  public record Slot(
      String name, String type, String plugin, String database, boolean active, boolean temporary,
      String walStatus, long retainedBytes, Long safeWalSizeBytes, Long xminAge, Long catalogXminAge) {}
}
