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
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "replication-slot-wal-retention", area = Area.BACKUPS, checklist = "BAK-3", severity = Severity.MEDIUM,
    summary = "Replication slot retains a large amount of WAL, or is about to lose the WAL it needs")
public final class ReplicationSlotWalRetentionRule implements Rule {
  static final Threshold WARN_MB = Threshold.of("warnMb", 1024, "report a slot retaining at least this much WAL (MB)");
  static final Threshold CRIT_MB = Threshold.of("critMb", 5 * 1024, "high severity from this much retained WAL (MB)");
  /** A slot whose safe_wal_size is below this share of max_slot_wal_keep_size is about to be invalidated. */
  static final double SAFE_SHARE = 0.10;
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
      String status = slot.walStatus() == null ? "" : slot.walStatus();
      if (status.equals("lost")) {
        // an inactive lost slot is replication-slot-inactive's finding; an active one is a consumer reading a dead slot
        if (slot.active()) out.add(activeLost(slot, ctx));
        continue;
      }
      long kept = slot.retainedBytes();
      boolean unreserved = status.equals("unreserved");
      Long safe = slot.safeWalSizeBytes();
      boolean nearInvalidation = safe != null && maxKeep > 0 && safe < maxKeep * SAFE_SHARE;
      // below the size limit, report what is about to break; an inactive unreserved slot is replication-slot-inactive's
      if (kept < warn && !(unreserved && slot.active()) && !nearInvalidation) continue;
      double share = maxKeep > 0 ? 100.0 * kept / maxKeep : -1;
      boolean high = kept >= crit || (maxKeep > 0 && share >= pct) || unreserved || nearInvalidation;
      String msg = "Replication slot " + slot.name() + " (" + (slot.active() ? "active" : "inactive") + ", " + slot.type()
          + ") retains " + Bytes.human(kept) + " of WAL"
          + (maxKeep > 0 ? String.format(Locale.ROOT, ", %.0f %% of max_slot_wal_keep_size (%s)", share, Bytes.human(maxKeep))
              : ", with no max_slot_wal_keep_size cap: pg_wal can grow until the disk fills")
          + (unreserved ? "; wal_status unreserved: WAL it still needs will be removed at the next checkpoint and the "
              + "slot invalidated" : "")
          + (nearInvalidation && !unreserved ? "; only " + Bytes.human(safe) + " more WAL can be written before the slot "
              + "is invalidated (safe_wal_size)" : "");
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

  private static Finding activeLost(Replication.Slot slot, RuleContext ctx) {
    return ctx.finding(Location.object("slot", null, slot.name()), "Replication slot " + slot.name() + " (" + slot.type()
            + ") is lost but still has a consumer connected: the WAL it needed was removed, so the standby or "
            + "subscriber reading it can never catch up from this slot")
        .severity(Severity.CRITICAL)
        .evidence("active", true)
        .evidence("walStatus", slot.walStatus())
        .evidence("type", slot.type())
        .remediation("-- the consumer must be rebuilt: a standby from a new base backup, a logical subscriber resynchronised;\n"
            + "-- then drop the dead slot and create a new one for it\n"
            + "SELECT pg_drop_replication_slot(" + Sql.literal(slot.name()) + ");")
        .build();
  }
}
