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

/** B01: the newest restorable full backup of each catalogue against the policy's full-backup interval. */
@RuleInfo(id = "backup-full-too-old", area = Area.BACKUPS, checklist = "BAK-5", severity = Severity.HIGH,
    summary = "The newest restorable full backup is older than the full-backup interval allows")
public final class BackupFullTooOldRule implements Rule {
  static final Threshold GRACE_HOURS = Threshold.of("graceHours", 24,
      "late by more than this (hours) after backup.fullInterval is high, by twice this critical (weekly: 8 d / 9 d)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(GRACE_HOURS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    Duration interval = ctx.backupPolicy().fullInterval();
    Duration grace = Duration.ofSeconds(Math.round(ctx.value(GRACE_HOURS) * 3600));
    Duration warn = interval.plus(grace);
    Duration crit = interval.plus(grace).plus(grace);
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      List<Backup> restorable = Catalogs.completed(c, ctx.now());
      if (restorable.isEmpty()) continue; // no backup at all: backup-too-old reports it
      List<Backup> fulls = restorable.stream().filter(Backup::full).toList();
      String limits = "high after " + RuleContext.human(warn) + ", critical after " + RuleContext.human(crit)
          + " (backup.fullInterval " + RuleContext.human(interval) + ")";
      if (fulls.isEmpty()) {
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " has no restorable full backup: its "
                + restorable.size() + " restorable backups all build on a full backup that is gone or failed, so a "
                + "restore depends on a chain the catalogue cannot show complete")
            .severity(Severity.CRITICAL)
            .evidence("tool", c.tool())
            .evidence("restorableBackups", restorable.size())
            .evidence("policy", limits)
            .remediation(remediation(c))
            .build());
        continue;
      }
      Backup last = Catalogs.newest(fulls).orElseThrow();
      Duration age = Duration.between(Catalogs.end(last), ctx.now());
      if (age.compareTo(warn) <= 0) continue;
      boolean critical = age.compareTo(crit) > 0;
      out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + ": the newest full backup " + last.id() + " ended "
              + RuleContext.human(age) + " ago (" + Fmt.when(Catalogs.end(last)) + "), over the "
              + RuleContext.human(critical ? crit : warn) + " limit for a full backup every " + RuleContext.human(interval)
              + "; every restore replays all WAL and incrementals since then")
          .severity(critical ? Severity.CRITICAL : Severity.HIGH)
          .evidence("tool", c.tool())
          .evidence("lastFull", last.id())
          .evidence("lastFullEnded", Catalogs.end(last))
          .evidence("age", RuleContext.human(age))
          .evidence("policy", limits)
          .remediation(remediation(c))
          .build());
    }
    return out;
  }

  private static String remediation(BackupCatalog c) {
    return "# is the scheduled full backup still running (cron, systemd timer), and did its last run fail? Check its log, then:\n"
        + Catalogs.backupCommand(c, "full") + "\n"
        + Catalogs.infoCommand(c);
  }
}
