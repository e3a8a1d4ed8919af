package dev.pgops.rules.testing;

import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.ExtensionInfo;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Setting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Fixtures for the backups, configuration and security rule tests. */
public final class OpsFixtures {
  private OpsFixtures() {}

  public static Setting setting(String name, String value, String unit, String source, boolean pendingRestart) {
    return new Setting(name, value, unit, "string", "postmaster", source, value, value, null, null, pendingRestart);
  }

  public static Instant ago(Duration d) {
    return Snap.NOW.minus(d);
  }

  public static ArchiverStats archiver(long archived, Instant lastArchived, long failed, Instant lastFailed) {
    return new ArchiverStats(archived, lastArchived == null ? null : "000000010000000A000000F1", lastArchived, failed,
        lastFailed == null ? null : "000000010000000A000000F2", lastFailed, ago(Duration.ofDays(30)));
  }

  public static Replication.Slot slot(String name, boolean active, String walStatus, long retainedBytes) {
    return new Replication.Slot(name, "physical", null, null, active, false, walStatus, retainedBytes, null, null, null);
  }

  public static Replication.Slot logicalSlot(String name, boolean active, long retainedBytes) {
    return new Replication.Slot(name, "logical", "pgoutput", "app", active, false, "reserved", retainedBytes, null, null, 1000L);
  }

  public static Replication.Standby standby(String app, long lagBytes, Double replayLagSec) {
    return new Replication.Standby(app, "10.0.0.2", "streaming", "async", lagBytes, replayLagSec, replayLagSec, replayLagSec);
  }

  public static Replication primary(List<Replication.Standby> standbys, List<Replication.Slot> slots) {
    return new Replication(false, null, standbys, slots);
  }

  public static Replication slots(Replication.Slot... slots) {
    return new Replication(false, null, List.of(), List.of(slots));
  }

  public static RoleInfo role(String name, boolean superuser, boolean login, String passwordType, Instant validUntil,
      List<String> settings) {
    return new RoleInfo(name, superuser, login, false, false, false, false, -1, validUntil, passwordType, List.of(), settings);
  }

  public static ExtensionInfo extension(String name, String installed, String available) {
    return new ExtensionInfo(name, "public", installed, available);
  }
}
