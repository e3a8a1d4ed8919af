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
import java.util.Locale;

/** B10: the newest completed backup of a kind took much longer than the median of the ones before it. */
@RuleInfo(id = "backup-duration-anomaly", area = Area.BACKUPS, checklist = "BAK-9", severity = Severity.LOW,
    summary = "The newest backup took much longer than the recent backups of the same kind")
public final class BackupDurationAnomalyRule implements Rule {
  static final Threshold FACTOR = Threshold.of("factor", 1.5,
      "report the newest backup when it took more than this many times the median of the previous ones of its kind");
  static final Threshold WINDOW = Threshold.of("window", 8, "how many previous backups of the same kind the median covers");
  static final Threshold MIN_SAMPLES = Threshold.of("minSamples", 3,
      "previous backups of the same kind needed before a median is trusted");
  static final Threshold MIN_MINUTES = Threshold.of("minMinutes", 10,
      "backups shorter than this (minutes) are never reported: small absolute differences are noise");

  @Override
  public List<Threshold> thresholds() {
    return List.of(FACTOR, WINDOW, MIN_SAMPLES, MIN_MINUTES);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    double factor = ctx.value(FACTOR);
    int window = (int) ctx.value(WINDOW);
    int minSamples = Math.max(1, (int) ctx.value(MIN_SAMPLES));
    Duration floor = Duration.ofSeconds(Math.round(ctx.value(MIN_MINUTES) * 60));
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      List<Backup> done = Catalogs.completed(c, ctx.now()).stream().filter(b -> Catalogs.duration(b).isPresent()).toList();
      for (var e : Catalogs.byKind(done).entrySet()) {
        String kind = e.getKey();
        List<Backup> ofKind = e.getValue();
        if (ofKind.size() < minSamples + 1) continue;
        Backup last = ofKind.get(ofKind.size() - 1);
        List<Backup> previous = ofKind.subList(Math.max(0, ofKind.size() - 1 - window), ofKind.size() - 1);
        Duration median = Catalogs.median(previous.stream().map(b -> Catalogs.duration(b).orElseThrow()).toList());
        Duration took = Catalogs.duration(last).orElseThrow();
        if (took.compareTo(floor) < 0 || median.isZero()) continue;
        double ratio = took.toMillis() / (double) median.toMillis();
        if (ratio <= factor) continue;
        out.add(ctx.finding(Catalogs.location(c, last), Catalogs.label(c) + ": " + kind + " backup " + last.id() + " took "
                + RuleContext.human(took) + ", " + String.format(Locale.ROOT, "%.1f", ratio) + "× the median "
                + RuleContext.human(median) + " of the " + previous.size() + " before it: the restore of a backup "
                + "like it takes longer too (RTO), and a backup that outgrows its window overlaps the next one")
            .severity(ratio > 2 * factor ? Severity.MEDIUM : Severity.LOW)
            .evidence("tool", c.tool())
            .evidence("backup", last.id())
            .evidence("ended", Fmt.when(last.stoppedAt()))
            .evidence("duration", RuleContext.human(took))
            .evidence("median", RuleContext.human(median))
            .evidence("previous", previous.size())
            .evidence("factor", Fmt.plain(factor))
            .remediation("# larger database, slower storage or network, fewer parallel processes, or competing load?\n"
                + "# compare sizes and throughput of the recent backups:\n" + Catalogs.infoCommand(c) + "\n"
                + "# pgBackRest: process-max and compress-type=lz4/zst; WAL-G: WALG_UPLOAD_CONCURRENCY; Barman: parallel_jobs")
            .build());
      }
    }
    return out;
  }
}
