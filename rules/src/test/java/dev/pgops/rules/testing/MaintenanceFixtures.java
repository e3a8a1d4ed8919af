package dev.pgops.rules.testing;

import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

/** Extra fixtures for the maintenance rule tests. */
public final class MaintenanceFixtures {
  private MaintenanceFixtures() {}

  public static Activity.SessionInfo xminSession(int pid, String user, String app, long backendXminAge, long xactAgeSec) {
    return new Activity.SessionInfo(pid, user, app, "app", "idle in transaction", "client backend", xactAgeSec,
        xactAgeSec, xactAgeSec, backendXminAge, "Client", "ClientRead", List.of(), "BEGIN; SELECT 1");
  }

  public static Activity.PreparedXact prepared(String gid, long ageSec) {
    return new Activity.PreparedXact(gid, "app", "app", ageSec, 5_000);
  }

  public static Replication slots(Replication.Slot... slots) {
    return new Replication(false, null, List.of(), List.of(slots));
  }

  public static Replication.Slot slot(String name, boolean active, Long xminAge, Long catalogXminAge) {
    return new Replication.Slot(name, catalogXminAge != null ? "logical" : "physical",
        catalogXminAge != null ? "pgoutput" : null, "app", active, false, "reserved", 1024, null, xminAge, catalogXminAge);
  }

  /** The snapshot with a changed statistics window origin (null reset and/or null server start). */
  public static Snapshot withStatsOrigin(Snapshot s, java.time.Instant statsReset, java.time.Instant postmasterStart) {
    Meta m = s.meta();
    Meta meta = new Meta(m.schemaVersion(), m.toolVersion(), m.collectedAt(), m.serverVersion(), m.version(), m.database(),
        m.connectedAs(), m.superuser(), m.memberOf(), m.inRecovery(), postmasterStart, statsReset, m.extensions(),
        m.timeouts(), m.collectors());
    return s.withMeta(meta);
  }
}
