package dev.pgops.rules.pressure;

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
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "wal-buffers-full", area = Area.PERFORMANCE, checklist = "PRF-11", severity = Severity.LOW,
    summary = "WAL buffers fill up, so backends write WAL themselves")
public final class WalBuffersFullRule implements Rule {
  static final Threshold WARN_PERCENT = Threshold.of("warnPercent", 1,
      "report when WAL-buffers-full writes exceed this share of the WAL pages generated (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PERCENT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    InstancePressure p = ctx.require(s.pressure(), "instance pressure");
    InstancePressure.Wal w = p.wal();
    if (w == null) throw ctx.notEvaluated("pg_stat_wal not available (PostgreSQL 14+)");
    if (w.buffersFull() <= 0 || w.bytes() <= 0) return List.of();
    long walBlock = SettingValues.number(s, "wal_block_size").orElse(8192);
    double pages = Math.max(1, (double) w.bytes() / walBlock);
    double share = w.buffersFull() / pages;
    if (share <= ctx.value(WARN_PERCENT) / 100) return List.of();
    String walBuffers = Pressure.shown(s, "wal_buffers");
    return List.of(ctx.finding(Location.object("setting", null, "wal_buffers"),
            "WAL buffers were full " + Fmt.count(w.buffersFull()) + " times, " + Fmt.pct(share) + " of the "
                + Fmt.count(pages) + " WAL pages generated (" + Bytes.human(w.bytes()) + "): backends had to write WAL "
                + "themselves; wal_buffers is " + walBuffers)
        .severity(Severity.LOW)
        .evidence("buffersFull", w.buffersFull())
        .evidence("walBytes", w.bytes())
        .evidence("walRecords", w.records())
        .evidence("share", Fmt.pct(share))
        .evidence("wal_buffers", walBuffers)
        .evidence("statsReset", Fmt.when(w.statsReset()))
        .evidence("threshold", "buffers full > " + Fmt.plain(ctx.value(WARN_PERCENT)) + " % of WAL pages")
        .remediation("-- the default (-1) is 1/32 of shared_buffers, capped at one WAL segment (16MB); write-heavy\n"
            + "-- servers gain from more (needs a restart):\n"
            + "ALTER SYSTEM SET wal_buffers = '64MB';\n"
            + "-- rollback: ALTER SYSTEM RESET wal_buffers;  (restart)")
        .build());
  }
}
