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

@RuleInfo(id = "backend-buffer-writes", area = Area.PERFORMANCE, checklist = "PRF-11", severity = Severity.LOW,
    summary = "Backends write out many dirty buffers themselves")
public final class BackendBufferWritesRule implements Rule {
  static final Threshold WARN_PERCENT = Threshold.of("warnPercent", 30, "report when backends write more than this share of buffers (%)");
  static final Threshold MIN_WRITES = Threshold.of("minWrites", 10_000, "ignore fewer buffer writes in all than this");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_PERCENT, MIN_WRITES);
  }

  /** Backend writes, all writes and the source the figures come from. */
  record Counts(long backend, long all, String source) {}

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    InstancePressure p = ctx.require(s.pressure(), "instance pressure");
    Counts n = counts(p);
    if (n == null) {
      throw ctx.notEvaluated("neither pg_stat_io (PostgreSQL 16+) nor pg_stat_bgwriter.buffers_backend (before 17) collected");
    }
    if (n.all() < ctx.value(MIN_WRITES) || n.all() == 0) return List.of();
    double share = (double) n.backend() / n.all();
    if (share <= ctx.value(WARN_PERCENT) / 100) return List.of();
    long block = SettingValues.number(s, "block_size").orElse(8192);
    return List.of(ctx.finding(Location.server(),
            "Backends wrote " + Fmt.pctDown(share) + " of all buffer writes themselves (" + Fmt.count(n.backend()) + " of "
                + Fmt.count(n.all()) + ", " + Bytes.human(n.backend() * block) + "; " + n.source() + "): the background "
                + "writer and checkpointer do not keep enough clean buffers")
        .severity(Severity.LOW)
        .evidence("backendWrites", n.backend())
        .evidence("allWrites", n.all())
        .evidence("share", Fmt.pctDown(share))
        .evidence("source", n.source())
        .evidence("shared_buffers", Pressure.shown(s, "shared_buffers"))
        .evidence("bgwriter_lru_maxpages", Pressure.shown(s, "bgwriter_lru_maxpages"))
        .evidence("bgwriter_delay", Pressure.shown(s, "bgwriter_delay"))
        .evidence("threshold", "> " + Fmt.plain(ctx.value(WARN_PERCENT)) + " % of buffer writes, >= "
            + Fmt.plain(ctx.value(MIN_WRITES)) + " writes")
        .remediation("-- a backend that must evict a dirty buffer writes it itself and waits; let the background writer\n"
            + "-- clean ahead (reload only):\n"
            + "ALTER SYSTEM SET bgwriter_lru_maxpages = 400;\nALTER SYSTEM SET bgwriter_lru_multiplier = 4;\n"
            + "SELECT pg_reload_conf();\n"
            + "-- rollback:\nALTER SYSTEM RESET bgwriter_lru_maxpages;\nALTER SYSTEM RESET bgwriter_lru_multiplier;\n"
            + "SELECT pg_reload_conf();\n"
            + "-- if the working set does not fit, shared_buffers is too small (restart; about 25 % of RAM is usual).")
        .build());
  }

  /**
   * From {@code pg_stat_io} (PG16+) when collected: writes of relation buffers in the {@code normal} context by
   * every backend type except the checkpointer and background writer, against all such writes. Ring-buffer
   * contexts (bulkread, bulkwrite, vacuum) are left out: writes there are by design, not a sign of pressure.
   * Before that, {@code pg_stat_bgwriter}: buffers_backend against buffers_checkpoint + buffers_clean +
   * buffers_backend. Null when neither is there.
   */
  static Counts counts(InstancePressure p) {
    if (!p.io().isEmpty()) {
      long backend = 0, all = 0;
      for (InstancePressure.IoStat io : p.io()) {
        if (!"relation".equals(io.object()) || !"normal".equals(io.context()) || io.writes() == null) continue;
        all += io.writes();
        if (!"checkpointer".equals(io.backendType()) && !"background writer".equals(io.backendType())) backend += io.writes();
      }
      return new Counts(backend, all, "pg_stat_io, relation writes in the normal context");
    }
    if (p.bgwriter() != null && p.bgwriter().buffersBackend() != null) {
      long checkpoint = p.checkpoints() == null ? 0 : p.checkpoints().buffersWritten();
      long backend = p.bgwriter().buffersBackend();
      return new Counts(backend, checkpoint + p.bgwriter().buffersClean() + backend,
          "pg_stat_bgwriter buffers_backend vs buffers_checkpoint + buffers_clean + buffers_backend");
    }
    return null;
  }
}
