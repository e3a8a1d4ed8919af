package dev.pgops.rules.statements;

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
import dev.pgops.snapshot.Statements;
import java.util.List;

@RuleInfo(id = "track-io-timing-statements", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.INFO,
    summary = "Statements are collected without track_io_timing, so their I/O time is unknown")
public final class TrackIoTimingStatementsRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    SettingValues.require(s, ctx);
    Setting t = s.setting("track_io_timing").orElseThrow(() -> ctx.notEvaluated("track_io_timing not in settings"));
    if (SettingValues.bool(t).orElse(true)) return List.of();
    return List.of(ctx.finding(Location.object("extension", null, "pg_stat_statements"),
            "I/O time per statement unavailable: evidence limited (track_io_timing is off, so the "
                + st.statements().size() + " collected statements show no block read/write time and slow reads "
                + "cannot be told apart from CPU work)")
        .severity(Severity.INFO)
        .evidence("track_io_timing", SettingValues.text(t))
        .evidence("statements", st.statements().size())
        .remediation("-- the setting itself is reported by track-io-timing-off (Configuration); once it is on, the\n"
            + "-- statement figures carry shared_blk_read_time / shared_blk_write_time from then on:\n"
            + "ALTER SYSTEM SET track_io_timing = on;\nSELECT pg_reload_conf();\n"
            + "-- rollback:\nALTER SYSTEM RESET track_io_timing;\nSELECT pg_reload_conf();")
        .build());
  }
}
