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
 * B14 (age): never restore-tested, or the last passed restore drill is older than backup.drill.maxAge. "Not
 * evaluated" when drill records were not read; a finding when they were read and there is none.
 */
@RuleInfo(id = "restore-drill-overdue", area = Area.RESTORE_DRILLS, checklist = "DRL-1", severity = Severity.HIGH,
    summary = "The backups have never been restore-tested, or the last passed restore drill is too old")
public final class RestoreDrillOverdueRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Duration maxAge = ctx.backupPolicy().drillMaxAge();
    List<Finding> out = new ArrayList<>();
    for (Drills.Target t : Drills.targets(s, ctx)) {
      var passed = t.lastPassed();
      if (passed.isEmpty()) {
        long failed = t.drills().stream().filter(d -> !d.passed()).count();
        out.add(ctx.finding(t.location(), (failed == 0
                ? "The backups of " + t.label() + " have never been restore-tested: no restore drill is recorded, so "
                    + "nobody knows whether they restore, or how long it takes"
                : "No restore drill of " + t.label() + " has passed: " + failed + " recorded, all failed (the last "
                    + Fmt.ago(Drills.when(t.last().orElseThrow()), ctx) + ")"))
            .severity(Severity.HIGH)
            .evidence("drillsRecorded", t.drills().size())
            .evidence("policy", "backup.drill.maxAge " + RuleContext.human(maxAge))
            .remediation(remediation(t))
            .build());
        continue;
      }
      DrillRecord d = passed.get();
      Duration age = Duration.between(Drills.when(d), ctx.now());
      if (age.compareTo(maxAge) <= 0) continue;
      out.add(ctx.finding(t.location(), "The last passed restore drill of " + t.label() + " was " + RuleContext.human(age)
              + " ago (" + Drills.describe(d) + ", " + Fmt.when(Drills.when(d)) + "), over the "
              + RuleContext.human(maxAge) + " policy: backups, data size and tooling have changed since it was proven")
          .severity(age.compareTo(maxAge.multipliedBy(2)) > 0 ? Severity.HIGH : Severity.MEDIUM)
          .evidence("lastPassedDrill", d.drillId())
          .evidence("lastPassedAt", Drills.when(d))
          .evidence("age", RuleContext.human(age))
          .evidence("policy", "backup.drill.maxAge " + RuleContext.human(maxAge))
          .remediation(remediation(t))
          .build());
    }
    return out;
  }

  static String remediation(Drills.Target t) {
    String stanza = t.catalog() == null ? "STANZA" : Catalogs.shell(t.catalog().name());
    boolean pgbackrest = t.catalog() == null || Catalogs.lower(t.catalog().tool()).equals("pgbackrest");
    return (pgbackrest
        ? "# restore into a scratch directory on a spare port, verify, time it and record it:\n"
            + "pgops drill run --tool pgbackrest --stanza " + stanza + " --target-dir /srv/drill --port 55432 --verify-sql checks.sql\n"
        : "# restore with the tool into a scratch host or directory, start it, run your checks, then record the drill:\n")
        + "pgops drill record drill.json   # a drill run by hand: its record (outcome, RTO, RPO) counts too";
  }
}
