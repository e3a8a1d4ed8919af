package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * B14 (outcome): the last restore drill failed, or took longer than the RTO target (backup.drill.rto, else the
 * drill's own recorded target), or recovered to a point further back than the RPO (backup.rpo).
 */
@RuleInfo(id = "restore-drill-failed", area = Area.RESTORE_DRILLS, checklist = "DRL-2", severity = Severity.HIGH,
    summary = "The last restore drill failed, or missed its RTO or RPO target")
public final class RestoreDrillFailedRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<Drills.Target> targets = Drills.targets(s, ctx);
    if (targets.stream().allMatch(t -> t.drills().isEmpty())) {
      throw ctx.notEvaluated("no restore drill is recorded, so there is no outcome to judge (restore-drill-overdue "
          + "reports the missing drill)");
    }
    Duration rpo = ctx.backupPolicy().rpo();
    List<Finding> out = new ArrayList<>();
    for (Drills.Target t : targets) {
      if (t.last().isEmpty()) continue;
      DrillRecord d = t.last().get();
      String when = Fmt.when(Drills.when(d)) + ", " + Fmt.ago(Drills.when(d), ctx);
      if (!d.passed()) {
        out.add(ctx.finding(t.location(), "The last restore drill of " + t.label() + " failed (" + Drills.describe(d)
                + ", " + when + ")" + (d.failure() == null || d.failure().isBlank() ? "" : ": " + d.failure())
                + (t.lastPassed().isPresent() ? "; the last one that passed was " + Fmt.ago(Drills.when(t.lastPassed().get()), ctx)
                    : "; none has ever passed"))
            .severity(Severity.HIGH)
            .evidence("drill", d.drillId())
            .evidence("outcome", d.outcome())
            .evidence("failure", d.failure())
            .evidence("backup", d.backupId())
            .evidence("failedSteps", failedSteps(d))
            .remediation("# fix what the drill record names (restore, recovery or a verification step), then run it again:\n"
                + RestoreDrillOverdueRule.remediation(t))
            .build());
        continue;
      }
      Long rtoTarget = ctx.backupPolicy().drillRtoTarget().map(Duration::toSeconds).orElse(d.rtoTargetSeconds());
      if (d.rtoSeconds() != null && rtoTarget != null && d.rtoSeconds() > rtoTarget) {
        out.add(ctx.finding(t.location(), "The last restore drill of " + t.label() + " took "
                + Fmt.age(d.rtoSeconds()) + " to restore, recover and verify, over the " + Fmt.age(rtoTarget)
                + " RTO target (" + Drills.describe(d) + ", " + when + ")" + phases(d))
            .severity(Severity.MEDIUM)
            .evidence("drill", d.drillId())
            .evidence("rtoSeconds", d.rtoSeconds())
            .evidence("rtoTargetSeconds", rtoTarget)
            .evidence("targetFrom", ctx.backupPolicy().drillRtoTarget().isPresent() ? "backup.drill.rto" : "the drill record")
            .remediation("# restore throughput: parallel restore (pgBackRest process-max, WAL-G WALG_DOWNLOAD_CONCURRENCY),\n"
                + "# a newer full/differential backup so less WAL is replayed, faster scratch storage; or agree a realistic RTO")
            .build());
      }
      if (d.rpoSeconds() != null && d.rpoSeconds() > rpo.toSeconds()) {
        out.add(ctx.finding(t.location(), "The last restore drill of " + t.label() + " recovered to a point "
                + Fmt.age(d.rpoSeconds()) + " before its target, over the " + RuleContext.human(rpo) + " RPO ("
                + Drills.describe(d) + ", " + when + "): that much committed work would be lost in a real restore")
            .severity(Severity.MEDIUM)
            .evidence("drill", d.drillId())
            .evidence("rpoSeconds", d.rpoSeconds())
            .evidence("rpoTarget", RuleContext.human(rpo))
            .evidence("target", d.target())
            .remediation("-- WAL reaches the archive only when a segment is full or archive_timeout passes:\n"
                + "SHOW archive_timeout;\n"
                + "SELECT last_archived_wal, last_archived_time FROM pg_stat_archiver;\n"
                + "-- a shorter archive_timeout, or streaming WAL to the repository (pg_receivewal, barman receive-wal), lowers the RPO")
            .build());
      }
    }
    return out;
  }

  private static String failedSteps(DrillRecord d) {
    return String.join("; ", d.verification().stream().filter(st -> "failed".equalsIgnoreCase(st.result()))
        .map(st -> st.step() + (st.details() == null || st.details().isBlank() ? "" : ": " + st.details())).toList());
  }

  /** " (restore 12 min, recovery 4 min, verification 1 min)" from the recorded phase times. */
  private static String phases(DrillRecord d) {
    List<String> p = new ArrayList<>();
    if (d.startedAt() != null && d.restoredAt() != null) p.add("restore " + RuleContext.human(Duration.between(d.startedAt(), d.restoredAt())));
    if (d.restoredAt() != null && d.recoveredAt() != null) p.add("recovery " + RuleContext.human(Duration.between(d.restoredAt(), d.recoveredAt())));
    if (d.recoveredAt() != null && d.verifiedAt() != null) p.add("verification " + RuleContext.human(Duration.between(d.recoveredAt(), d.verifiedAt())));
    return p.isEmpty() ? "" : ": " + String.join(", ", p);
  }
}
