package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

@RuleInfo(id = "memory-settings", area = Area.CONFIGURATION, checklist = "CFG-7", severity = Severity.LOW,
    summary = "Memory settings look default-sized or risky (shared_buffers, work_mem x connections, maintenance_work_mem)")
public final class MemorySettingsRule implements Rule {
  static final Threshold MIN_SHARED_BUFFERS_MB = Threshold.of("minSharedBuffersMb", 128,
      "report shared_buffers at or below this (MB; 128 MB is the compiled-in default)");
  static final Threshold WORK_MEM_MIN_MB = Threshold.of("workMemMinMb", 64,
      "only judge work_mem x max_connections when work_mem is at least this (MB)");
  static final Threshold WORK_MEM_FACTOR = Threshold.of("workMemFactor", 4,
      "report when work_mem x max_connections exceeds this multiple of shared_buffers");
  static final Threshold MIN_MAINTENANCE_MB = Threshold.of("minMaintenanceWorkMemMb", 64,
      "report maintenance_work_mem below this (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SHARED_BUFFERS_MB, WORK_MEM_MIN_MB, WORK_MEM_FACTOR, MIN_MAINTENANCE_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    List<Finding> out = new ArrayList<>();
    OptionalLong sb = SettingValues.bytes(s, "shared_buffers");
    OptionalLong wm = SettingValues.bytes(s, "work_mem");
    OptionalLong mc = SettingValues.number(s, "max_connections");
    OptionalLong mwm = SettingValues.bytes(s, "maintenance_work_mem");
    if (sb.isPresent() && sb.getAsLong() > 0 && sb.getAsLong() <= Bytes.mb(ctx.value(MIN_SHARED_BUFFERS_MB))) {
      out.add(ctx.finding(Location.object("setting", null, "shared_buffers"),
              "shared_buffers is " + Bytes.human(sb.getAsLong()) + ", default-sized: a dedicated server usually gives "
                  + "it about 25 % of RAM, leaving the rest to the OS page cache")
          .severity(Severity.LOW)
          .evidence("shared_buffers", Bytes.human(sb.getAsLong()))
          .evidence("threshold", Bytes.human(Bytes.mb(ctx.value(MIN_SHARED_BUFFERS_MB))))
          .remediation("ALTER SYSTEM SET shared_buffers = '<25 % of RAM, e.g. 4GB>';\n-- needs a restart\n"
              + "-- rollback:\nALTER SYSTEM RESET shared_buffers;")
          .build());
    }
    if (sb.isPresent() && wm.isPresent() && mc.isPresent() && wm.getAsLong() >= Bytes.mb(ctx.value(WORK_MEM_MIN_MB))) {
      long total = wm.getAsLong() * mc.getAsLong();
      if (total > ctx.value(WORK_MEM_FACTOR) * sb.getAsLong()) {
        out.add(ctx.finding(Location.object("setting", null, "work_mem"),
                "work_mem " + Bytes.human(wm.getAsLong()) + " x max_connections " + mc.getAsLong() + " = "
                    + Bytes.human(total) + ", over " + (long) ctx.value(WORK_MEM_FACTOR) + " x shared_buffers ("
                    + Bytes.human(sb.getAsLong()) + "): each sort or hash node may use work_mem, so concurrency can "
                    + "exhaust memory and trigger the OOM killer")
            .severity(Severity.LOW)
            .evidence("work_mem", Bytes.human(wm.getAsLong()))
            .evidence("max_connections", mc.getAsLong())
            .evidence("shared_buffers", Bytes.human(sb.getAsLong()))
            .evidence("product", Bytes.human(total))
            .remediation("-- lower the default and raise it only where needed:\n"
                + "ALTER SYSTEM SET work_mem = '16MB';\nSELECT pg_reload_conf();\n"
                + "-- e.g. ALTER ROLE reporting SET work_mem = '256MB'; or SET LOCAL work_mem in the heavy transaction\n"
                + "-- rollback:\nALTER SYSTEM RESET work_mem;\nSELECT pg_reload_conf();")
            .build());
      }
    }
    if (mwm.isPresent() && mwm.getAsLong() > 0 && mwm.getAsLong() < Bytes.mb(ctx.value(MIN_MAINTENANCE_MB))) {
      out.add(ctx.finding(Location.object("setting", null, "maintenance_work_mem"),
              "maintenance_work_mem is " + Bytes.human(mwm.getAsLong()) + ": vacuum, CREATE INDEX and ALTER TABLE ADD "
                  + "FOREIGN KEY run slower and vacuum needs more index passes")
          .severity(Severity.INFO)
          .evidence("maintenance_work_mem", Bytes.human(mwm.getAsLong()))
          .evidence("threshold", Bytes.human(Bytes.mb(ctx.value(MIN_MAINTENANCE_MB))))
          .remediation("ALTER SYSTEM SET maintenance_work_mem = '512MB';\nSELECT pg_reload_conf();\n"
              + "-- autovacuum workers use it too unless autovacuum_work_mem is set\n"
              + "-- rollback:\nALTER SYSTEM RESET maintenance_work_mem;\nSELECT pg_reload_conf();")
          .build());
    }
    return out;
  }
}
