package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "replication-slot-inactive", area = Area.BACKUPS, checklist = "BAK-3", severity = Severity.MEDIUM,
    summary = "Replication slot has no consumer connected and keeps WAL and old row versions")
public final class ReplicationSlotInactiveRule implements Rule {
  static final Threshold CRIT_RETAINED_MB = Threshold.of("critRetainedMb", 5 * 1024,
      "an inactive slot retaining more WAL than this (MB) is high severity");

  @Override
  public List<Threshold> thresholds() {
    return List.of(CRIT_RETAINED_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Replication r = ctx.require(s.replication(), "replication");
    long crit = Bytes.mb(ctx.value(CRIT_RETAINED_MB));
    List<Finding> out = new ArrayList<>();
    for (Replication.Slot slot : r.slots()) {
      if (slot.active() || slot.temporary()) continue;
      String status = slot.walStatus() == null ? "" : slot.walStatus();
      boolean lost = status.equals("lost");
      boolean unreserved = status.equals("unreserved");
      Severity sev = lost || unreserved || slot.retainedBytes() > crit ? Severity.HIGH : Severity.MEDIUM;
      StringBuilder msg = new StringBuilder("Replication slot " + slot.name() + " (" + slot.type()
          + (slot.plugin() == null ? "" : ", " + slot.plugin()) + (slot.database() == null ? "" : ", database " + slot.database())
          + ") is inactive");
      if (lost) {
        msg.append(" and lost: the WAL it needs is gone, so the slot is already useless (its consumer can never resume from it) and only needs dropping");
      } else {
        msg.append(" and retains ").append(Bytes.human(slot.retainedBytes())).append(" of WAL");
        if (unreserved) msg.append("; wal_status unreserved: WAL it needs will be removed at the next checkpoint");
      }
      if (slot.xminAge() != null || slot.catalogXminAge() != null) {
        msg.append("; it holds back vacuum (xmin age ")
            .append(slot.xminAge() != null ? slot.xminAge() : slot.catalogXminAge()).append(" transactions)");
      }
      boolean syncedStandbySlot = s.meta().inRecovery() && "logical".equals(slot.type()) && s.meta().version() != null
          && s.meta().version().atLeast(17);
      if (syncedStandbySlot) {
        // PG17+ failover slots synchronised to a standby are always inactive there.
        sev = Severity.INFO;
        msg.append(" (on a standby this may be a failover slot synchronised from the primary, which is never active here)");
      }
      out.add(ctx.finding(Location.object("slot", null, slot.name()), msg.toString())
          .severity(sev)
          .evidence("active", false)
          .evidence("type", slot.type())
          .evidence("plugin", slot.plugin())
          .evidence("database", slot.database())
          .evidence("walStatus", slot.walStatus())
          .evidence("retained", Bytes.human(slot.retainedBytes()))
          .evidence("safeWalSize", slot.safeWalSizeBytes() == null ? null : Bytes.human(slot.safeWalSizeBytes()))
          .evidence("xminAge", slot.xminAge())
          .evidence("catalogXminAge", slot.catalogXminAge())
          .evidence("critRetained", Bytes.human(crit))
          .remediation("-- confirm the consumer (standby, CDC connector, subscription) is gone for good:\n"
              + "-- a logical consumer must resynchronise from scratch once its slot is dropped\n"
              + "SELECT pg_drop_replication_slot(" + Sql.literal(slot.name()) + ");")
          .build());
    }
    return out;
  }
}
