package dev.pgops.rules.statements;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.StatementStats;
import dev.pgops.snapshot.Statements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@RuleInfo(id = "statement-wal-heavy", area = Area.PERFORMANCE, checklist = "PRF-9", severity = Severity.INFO,
    summary = "A statement writes much WAL per call")
public final class StatementWalHeavyRule implements Rule {
  static final Threshold MIN_MB_PER_CALL = Threshold.of("minMbPerCall", 1, "report from this much WAL per call (MB)");
  static final Threshold MIN_SHARE_PERCENT = Threshold.of("minSharePercent", 5,
      "and from this share of the WAL written by all selected statements (%)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_MB_PER_CALL, MIN_SHARE_PERCENT);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Statements st = ctx.require(s.statements(), "pg_stat_statements");
    boolean noWal = st.statements().isEmpty() ? !Stmts.extAtLeast(st.extensionVersion(), 1, 8)
        : st.statements().stream().allMatch(q -> q.walBytes() == null);
    if (noWal) {
      throw ctx.notEvaluated("pg_stat_statements " + st.extensionVersion() + " has no WAL counters (extension 1.8+, "
          + "PostgreSQL 13+)");
    }
    double minPerCall = ctx.value(MIN_MB_PER_CALL) * Bytes.MB, minShare = ctx.value(MIN_SHARE_PERCENT) / 100;
    long allWal = st.statements().stream().mapToLong(q -> q.walBytes() == null ? 0 : q.walBytes()).sum();
    List<Finding> out = new ArrayList<>();
    if (allWal <= 0) return out;
    for (StatementStats q : st.statements()) {
      if (q.walBytes() == null || q.calls() <= 0) continue;
      double perCall = (double) q.walBytes() / q.calls();
      double share = (double) q.walBytes() / allWal;
      if (perCall < minPerCall || share < minShare) continue;
      out.add(Stmts.finding(ctx, st, q,
              "Statement " + Stmts.label(q) + " writes " + Bytes.human((long) perCall) + " of WAL per call ("
                  + Bytes.human(q.walBytes()) + " in all, " + Fmt.pctDown(share) + " of the selected statements' WAL; "
                  + Fmt.count(q.walFpi() == null ? 0 : q.walFpi()) + " full-page images)",
              Severity.INFO, true)
          .evidence("walPerCall", Bytes.human((long) perCall))
          .evidence("walBytes", q.walBytes())
          .evidence("walFpi", q.walFpi())
          .evidence("walRecords", q.walRecords())
          .evidence("share", Fmt.pctDown(share))
          .evidence("threshold", ">= " + Fmt.plain(ctx.value(MIN_MB_PER_CALL)) + " MB/call and >= "
              + Fmt.plain(ctx.value(MIN_SHARE_PERCENT)) + " % of the selected statements' WAL")
          .remediation(Stmts.explainFirst(q)
              + "-- WAL volume drives replication lag, archive size and checkpoints. Update only the rows that change\n"
              + "-- (WHERE col IS DISTINCT FROM new value), batch large deletes, drop indexes nothing reads, and leave\n"
              + "-- room for HOT updates (fillfactor). Many full-page images point at checkpoints too close together.")
          .build());
    }
    return out;
  }
}
