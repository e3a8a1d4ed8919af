package dev.pgops.rules.statements;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.Statements;
import java.util.List;

@RuleInfo(id = "statements-window-short", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.INFO,
    summary = "pg_stat_statements were reset recently, so statement shares cover a short window")
public final class StatementsWindowShortRule implements Rule {
  static final String LOWERED = "statement-dominant, statement-poor-cache-hit, statement-planning-dominates and "
      + "statement-wal-heavy";

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    if (st.statsReset() == null) {
      throw ctx.notEvaluated("pg_stat_statements " + st.extensionVersion() + " has no pg_stat_statements_info (extension "
          + "1.9+): its own reset time is unknown; the database window (stats-window-short) applies");
    }
    if (!Stmts.windowShort(st, ctx)) return List.of();
    String window = Stmts.windowText(st, ctx);
    return List.of(ctx.finding(Location.object("extension", null, "pg_stat_statements"),
            "pg_stat_statements were reset " + window + " ago (at " + st.statsReset() + "): statement shares and totals "
                + "cover only " + window + ", so " + LOWERED + " are lowered in severity")
        .evidence("statementsWindow", window)
        .evidence("statsReset", st.statsReset())
        .evidence("calls", st.totalCalls())
        .remediation("-- re-run pgops once the window covers a full business cycle (at least a week);\n"
            + "-- avoid routine pg_stat_statements_reset() calls (monitoring agents sometimes reset it), or lower\n"
            + "-- statsWindowMinDays in pgops.yaml if a short window is intended.")
        .build());
  }
}
