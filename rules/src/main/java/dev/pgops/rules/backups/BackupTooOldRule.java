package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** B02: the newest restorable backup of any kind against the policy's backup interval. */
@RuleInfo(id = "backup-too-old", area = Area.BACKUPS, checklist = "BAK-5", severity = Severity.HIGH,
    summary = "The newest restorable backup of any kind is older than the backup interval allows, or there is none")
public final class BackupTooOldRule implements Rule {
  static final Threshold GRACE_HOURS = Threshold.of("graceHours", 2,
      "high after backup.anyBackupInterval + this (hours), critical after twice the interval + this (daily: 26 h / 50 h)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(GRACE_HOURS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    Duration interval = ctx.backupPolicy().anyBackupInterval();
    Duration grace = Duration.ofSeconds(Math.round(ctx.value(GRACE_HOURS) * 3600));
    Duration warn = interval.plus(grace);
    Duration crit = interval.multipliedBy(2).plus(grace);
    String limits = "high after " + RuleContext.human(warn) + ", critical after " + RuleContext.human(crit)
        + " (backup.anyBackupInterval " + RuleContext.human(interval) + ")";
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      List<Backup> restorable = Catalogs.completed(c, ctx.now());
      if (restorable.isEmpty()) {
        long listed = Catalogs.asOf(c, ctx.now()).size();
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " has no restorable backup"
                + (listed == 0 ? "" : " (" + listed + " listed, none complete and restorable)")
                + ": there is nothing to restore this cluster from")
            .severity(Severity.CRITICAL)
            .evidence("tool", c.tool())
            .evidence("backupsListed", listed)
            .evidence("policy", limits)
            .remediation(remediation(c, "full"))
            .build());
        continue;
      }
      Backup last = Catalogs.newest(restorable).orElseThrow();
      Duration age = Duration.between(Catalogs.end(last), ctx.now());
      if (age.compareTo(warn) <= 0) continue;
      boolean critical = age.compareTo(crit) > 0;
      out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + ": the newest backup " + last.id() + " ("
              + Catalogs.kind(last) + ") ended " + RuleContext.human(age) + " ago (" + Fmt.when(Catalogs.end(last))
              + "), over the " + RuleContext.human(critical ? crit : warn) + " limit for a backup every "
              + RuleContext.human(interval) + (critical ? ": at least one scheduled backup was missed" : ""))
          .severity(critical ? Severity.CRITICAL : Severity.HIGH)
          .evidence("tool", c.tool())
          .evidence("lastBackup", last.id())
          .evidence("lastBackupKind", Catalogs.kind(last))
          .evidence("lastBackupEnded", Catalogs.end(last))
          .evidence("age", RuleContext.human(age))
          .evidence("policy", limits)
          .remediation(remediation(c, "incremental"))
          .build());
    }
    return out;
  }

  private static String remediation(BackupCatalog c, String kind) {
    return "# check the backup schedule (cron, systemd timer) and the last run's log, then take one now:\n"
        + Catalogs.backupCommand(c, kind) + "\n"
        + Catalogs.infoCommand(c);
  }
}
