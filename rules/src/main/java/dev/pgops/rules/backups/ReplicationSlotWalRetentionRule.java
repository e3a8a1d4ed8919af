package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "replication-slot-wal-retention", area = Area.BACKUPS, checklist = "BAK-3", severity = Severity.MEDIUM,
    summary = "Replication slot retains a large amount of WAL")
public final class ReplicationSlotWalRetentionRule implements Rule {
  static final Threshold WARN_MB = Threshold.of("warnMb", 1024, "report a slot retaining at least this much WAL (MB)");
  static final Threshold CRIT_MB = Threshold.of("critMb", 5 * 1024, "high severity from this much retained WAL (MB)");
  static final Threshold CRIT_PCT_OF_MAX = Threshold.of("critPctOfMax", 85,
      "high severity when retained WAL reaches this % of max_slot_wal_keep_size (when it is not -1)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_MB, CRIT_MB, CRIT_PCT_OF_MAX);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Replication r = ctx.require(s.replication(), "replication");
    long warn = Bytes.mb(ctx.value(WARN_MB));
    long crit = Bytes.mb(ctx.value(CRIT_MB));
    double pct = ctx.value(CRIT_PCT_OF_MAX);
    long maxKeep = SettingValues.bytes(s, "max_slot_wal_keep_size").orElse(-1);
    List<Finding> out = new ArrayList<>();
    for (Replication.Slot slot : r.slots()) {
      if ("lost".equals(slot.walStatus())) continue; // nothing retained any more: replication-slot-inactive reports it
      long kept = slot.retainedBytes();
      if (kept < warn) continue;
      double share = maxKeep > 0 ? 100.0 * kept / maxKeep : -1;
      boolean high = kept >= crit || (maxKeep > 0 && share >= pct);
      String msg = "Replication slot " + slot.name() + " (" + (slot.active() ? "active" : "inactive") + ", " + slot.type()
          + ") retains " + Bytes.human(kept) + " of WAL"
          + (maxKeep > 0 ? String.format(Locale.ROOT, ", %.0f %% of max_slot_wal_keep_size (%s)", share, Bytes.human(maxKeep))
              : ", with no max_slot_wal_keep_size cap: pg_wal can grow until the disk fills");
      out.add(ctx.finding(Location.object("slot", null, slot.name()), msg)
          .severity(high ? Severity.HIGH : Severity.MEDIUM)
          .evidence("retained", Bytes.human(kept))
          .evidence("retainedBytes", kept)
          .evidence("active", slot.active())
          .evidence("walStatus", slot.walStatus())
          .evidence("safeWalSize", slot.safeWalSizeBytes() == null ? null : Bytes.human(slot.safeWalSizeBytes()))
          .evidence("max_slot_wal_keep_size", maxKeep < 0 ? "-1" : Bytes.human(maxKeep))
          .evidence("warn", Bytes.human(warn))
          .evidence("crit", Bytes.human(crit))
          .remediation("-- find why the consumer is behind (down, slow, stuck on a conflict) and fix it, or drop the slot:\n"
              + "SELECT slot_name, active, wal_status, restart_lsn, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn))\n"
              + "  FROM pg_replication_slots;\n"
              + "-- bound the damage (PG13+): the slot is invalidated instead of filling the disk\n"
              + "ALTER SYSTEM SET max_slot_wal_keep_size = '50GB';\nSELECT pg_reload_conf();\n"
              + "-- rollback:\nALTER SYSTEM RESET max_slot_wal_keep_size;\nSELECT pg_reload_conf();")
          .build());
    }
    return out;
  }
}
