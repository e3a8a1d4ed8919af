package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** B07: fewer restorable full backups than backup.retention.fullCount, or a restore window shorter than its age. */
@RuleInfo(id = "backup-retention-below-policy", area = Area.BACKUPS, checklist = "BAK-7", severity = Severity.MEDIUM,
    summary = "The backup tool keeps fewer full backups, or a shorter restore window, than the retention policy asks")
public final class BackupRetentionBelowPolicyRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    PgopsConfig.BackupPolicy policy = ctx.backupPolicy();
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      List<Backup> restorable = Catalogs.completed(c, ctx.now());
      if (restorable.isEmpty()) continue; // backup-too-old reports a catalogue with nothing to restore
      long fulls = restorable.stream().filter(Backup::full).count();
      if (fulls < policy.retentionFullCount()) {
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " keeps " + fulls + " restorable full backup"
                + (fulls == 1 ? "" : "s") + ", the policy asks for " + policy.retentionFullCount()
                + (fulls <= 1 ? ": if the newest full turns out unusable, there is no older one to fall back to" : ""))
            .severity(Severity.MEDIUM)
            .evidence("tool", c.tool())
            .evidence("restorableFulls", fulls)
            .evidence("policy", "backup.retention.fullCount " + policy.retentionFullCount())
            .remediation(remediation(c))
            .build());
      }
      if (policy.retentionAgeTarget().isPresent()) {
        Duration wanted = policy.retentionAgeTarget().get();
        Backup oldest = restorable.get(0);
        Duration window = Duration.between(Catalogs.end(oldest), ctx.now());
        if (window.compareTo(wanted) < 0) {
          out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + ": the oldest restore point is backup "
                  + oldest.id() + " from " + RuleContext.human(window) + " ago, the policy keeps "
                  + RuleContext.human(wanted) + ": a problem noticed later than that can no longer be undone by a restore")
              .severity(Severity.MEDIUM)
              .evidence("tool", c.tool())
              .evidence("oldestBackup", oldest.id())
              .evidence("oldestBackupEnded", Fmt.when(Catalogs.end(oldest)))
              .evidence("window", RuleContext.human(window))
              .evidence("policy", "backup.retention.age " + RuleContext.human(wanted))
              .remediation(remediation(c))
              .build());
        }
      }
    }
    return out;
  }

  private static String remediation(BackupCatalog c) {
    String setting = switch (c.tool().toLowerCase(Locale.ROOT)) {
      case "pgbackrest" -> "# pgbackrest.conf, [global] or the stanza: repo1-retention-full=N (repo1-retention-full-type=time for days)";
      case "wal-g" -> "# wal-g delete retain FULL N runs only when you call it: check the cron job that expires backups";
      case "barman" -> "# barman.conf: retention_policy = REDUNDANCY N or RECOVERY WINDOW OF N DAYS, minimum_redundancy = N";
      case "pg_probackup" -> "# pg_probackup set-config --retention-redundancy=N --retention-window=DAYS";
      default -> "# raise the tool's retention";
    };
    return setting + "\n# a new retention only grows as new backups are taken; a young installation meets it over time\n"
        + Catalogs.infoCommand(c);
  }
}
