package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

@RuleInfo(id = "track-io-timing-off", area = Area.CONFIGURATION, checklist = "CFG-4", severity = Severity.LOW,
    summary = "track_io_timing is off, so I/O time is missing from statistics and EXPLAIN")
public final class TrackIoTimingOffRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    SettingValues.require(s, ctx);
    Setting t = s.setting("track_io_timing").orElseThrow(() -> ctx.notEvaluated("track_io_timing not in settings"));
    if (SettingValues.bool(t).orElse(true)) return List.of();
    return List.of(ctx.finding(Location.object("setting", null, "track_io_timing"),
            "track_io_timing is off: pg_stat_statements, pg_stat_database and EXPLAIN (ANALYZE, BUFFERS) show no "
                + "block read/write time, so slow I/O cannot be told apart from CPU work")
        .severity(Severity.LOW)
        .evidence("track_io_timing", SettingValues.text(t))
        .remediation("-- check the clock overhead first: pg_test_timing (a few tens of ns per call is fine)\n"
            + "ALTER SYSTEM SET track_io_timing = on;\nSELECT pg_reload_conf();\n"
            + "-- rollback:\nALTER SYSTEM RESET track_io_timing;\nSELECT pg_reload_conf();")
        .build());
  }
}
