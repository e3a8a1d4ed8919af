package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * B11: the newest completed backup of a kind is much larger or smaller than the previous one of that kind. Full
 * backups compare the database size backed up; differential and incremental backups the bytes they copied.
 */
@RuleInfo(id = "backup-size-anomaly", area = Area.BACKUPS, checklist = "BAK-9", severity = Severity.LOW,
    summary = "The newest backup is much larger or smaller than the previous backup of the same kind")
public final class BackupSizeAnomalyRule implements Rule {
  static final Threshold CHANGE_PCT = Threshold.of("changePct", 30,
      "report a change of more than this percentage against the previous backup of the same kind");
  static final Threshold MIN_MB = Threshold.of("minMb", 64,
      "changes smaller than this (MB) are never reported: small databases swing widely");

  @Override
  public List<Threshold> thresholds() {
    return List.of(CHANGE_PCT, MIN_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    double pct = ctx.value(CHANGE_PCT);
    long minBytes = Bytes.mb(ctx.value(MIN_MB));
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      List<Backup> sized = Catalogs.completed(c, ctx.now()).stream().filter(b -> size(b) != null).toList();
      for (var e : Catalogs.byKind(sized).entrySet()) {
        String kind = e.getKey();
        List<Backup> ofKind = e.getValue();
        if (ofKind.size() < 2) continue;
        Backup last = ofKind.get(ofKind.size() - 1);
        Backup prev = ofKind.get(ofKind.size() - 2);
        long now = size(last), before = size(prev);
        if (before <= 0 || Math.abs(now - before) < minBytes) continue;
        double change = (now - before) / (double) before;
        if (Math.abs(change) * 100 <= pct) continue;
        boolean shrank = change < 0;
        boolean full = "full".equals(kind);
        String measure = full ? "database size backed up" : "bytes copied";
        out.add(ctx.finding(Catalogs.location(c, last), Catalogs.label(c) + ": " + kind + " backup " + last.id() + " is "
                + Bytes.human(now) + " (" + measure + "), " + (shrank ? "" : "+") + Fmt.pct(change) + " against "
                + Bytes.human(before) + " for " + prev.id()
                + (shrank && full ? ": a full backup that shrinks this much may be missing data (an excluded tablespace "
                    + "or path, a dropped or truncated table): confirm it was intended"
                    : shrank ? ": less changed than before; confirm the workload really dropped"
                    : ": the database or its write rate grew; backup duration, repository space and restore time grow with it"))
            .severity(shrank && full ? Severity.MEDIUM : Severity.LOW)
            .evidence("tool", c.tool())
            .evidence("backup", last.id())
            .evidence("size", Bytes.human(now))
            .evidence("previousBackup", prev.id())
            .evidence("previousSize", Bytes.human(before))
            .evidence("change", Fmt.pct(change))
            .evidence("measure", measure)
            .remediation("-- compare with the database sizes now:\n"
                + "SELECT datname, pg_size_pretty(pg_database_size(datname)) FROM pg_database ORDER BY pg_database_size(datname) DESC;\n"
                + "-- and the tool's record of both backups:\n-- " + Catalogs.infoCommand(c))
            .build());
      }
    }
    return out;
  }

  /** Full: database size, else bytes copied, else repository bytes; others: bytes copied, else repository bytes. */
  private static Long size(Backup b) {
    if (b.full() && b.databaseBytes() != null) return b.databaseBytes();
    if (b.backupBytes() != null) return b.backupBytes();
    return b.repoBytes();
  }
}
