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
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "replication-lag", area = Area.BACKUPS, checklist = "BAK-4", severity = Severity.MEDIUM,
    summary = "A standby is behind the primary")
public final class ReplicationLagRule implements Rule {
  static final Threshold WARN_SEC = Threshold.of("warnSec", 30, "replay lag (seconds) reported as medium");
  static final Threshold CRIT_SEC = Threshold.of("critSec", 300, "replay lag (seconds) reported as high");
  static final Threshold WARN_MB = Threshold.of("warnMb", 100, "lag in WAL bytes (MB) reported as medium");
  static final Threshold CRIT_MB = Threshold.of("critMb", 1024, "lag in WAL bytes (MB) reported as high");
  static final Threshold STANDBY_DELAY_SEC = Threshold.of("standbyDelaySec", 300,
      "on a standby, time since the last replayed transaction (seconds) reported as medium");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_SEC, CRIT_SEC, WARN_MB, CRIT_MB, STANDBY_DELAY_SEC);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Replication r = ctx.require(s.replication(), "replication");
    double warnSec = ctx.value(WARN_SEC), critSec = ctx.value(CRIT_SEC);
    long warnBytes = Bytes.mb(ctx.value(WARN_MB)), critBytes = Bytes.mb(ctx.value(CRIT_MB));
    List<Finding> out = new ArrayList<>();
    for (Replication.Standby sb : r.standbys()) {
      if ("backup".equals(sb.state())) continue; // a pg_basebackup walsender, not a standby
      Double lagSec = sb.replayLagSec() != null ? sb.replayLagSec()
          : sb.flushLagSec() != null ? sb.flushLagSec() : sb.writeLagSec();
      boolean high = (lagSec != null && lagSec > critSec) || sb.lagBytes() > critBytes;
      boolean warn = (lagSec != null && lagSec > warnSec) || sb.lagBytes() > warnBytes;
      if (!warn) continue;
      String name = name(sb);
      out.add(ctx.finding(Location.object("server", null, name),
              "Standby " + name + " (" + sb.state() + ", " + sb.syncState() + ") is "
                  + (lagSec == null ? "" : String.format(Locale.ROOT, "%.0f s and ", lagSec))
                  + Bytes.human(sb.lagBytes()) + " behind the primary")
          .severity(high ? Severity.HIGH : Severity.MEDIUM)
          .evidence("lagBytes", sb.lagBytes())
          .evidence("lag", Bytes.human(sb.lagBytes()))
          .evidence("writeLagSec", sb.writeLagSec())
          .evidence("flushLagSec", sb.flushLagSec())
          .evidence("replayLagSec", sb.replayLagSec())
          .evidence("clientAddress", sb.clientAddress())
          .evidence("thresholds", String.format(Locale.ROOT, "%.0f s / %s medium, %.0f s / %s high",
              warnSec, Bytes.human(warnBytes), critSec, Bytes.human(critBytes)))
          .remediation("-- on the standby: is replay waiting on a query conflict (max_standby_streaming_delay), or is I/O or\n"
              + "-- network saturated? On the primary:\n"
              + "SELECT application_name, state, write_lag, flush_lag, replay_lag,\n"
              + "       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) FROM pg_stat_replication;")
          .build());
    }
    if (r.inRecovery() && r.replayDelaySec() != null && r.replayDelaySec() > ctx.value(STANDBY_DELAY_SEC)) {
      out.add(ctx.finding(Location.server(),
              "This standby last replayed a transaction " + Fmt.age(r.replayDelaySec())
                  + " ago; if the primary had no write in that time this is idleness, not lag "
                  + "(compare with the primary's pg_stat_replication)")
          .severity(Severity.MEDIUM)
          .evidence("replayDelaySec", r.replayDelaySec())
          .evidence("threshold", (long) ctx.value(STANDBY_DELAY_SEC) + " s")
          .remediation("-- on the standby:\n"
              + "SELECT now() - pg_last_xact_replay_timestamp(), pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn();\n"
              + "-- receive LSN moving but replay LSN not: replay is blocked (conflicts, I/O); neither moving: check the primary")
          .build());
    }
    return out;
  }

  private static String name(Replication.Standby sb) {
    String app = sb.applicationName() == null || sb.applicationName().isBlank() ? null : sb.applicationName();
    String addr = sb.clientAddress() == null || sb.clientAddress().isBlank() ? null : sb.clientAddress();
    if (app != null && addr != null) return app + "@" + addr;
    return app != null ? app : addr != null ? addr : "(unnamed standby)";
  }
}
