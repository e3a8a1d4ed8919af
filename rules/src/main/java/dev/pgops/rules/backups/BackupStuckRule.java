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
import java.util.Optional;

/**
 * B09: a backup still running (running, STARTED, WAITING_FOR_WALS, MERGING …) at the collection time, for longer
 * than max(minHours, medianFactor × the median duration of the last completed backups of its kind).
 */
@RuleInfo(id = "backup-stuck", area = Area.BACKUPS, checklist = "BAK-9", severity = Severity.MEDIUM,
    summary = "A backup has been running far longer than backups of its kind usually take")
public final class BackupStuckRule implements Rule {
  static final Threshold MIN_HOURS = Threshold.of("minHours", 12, "a running backup is never reported before this (hours)");
  static final Threshold MEDIAN_FACTOR = Threshold.of("medianFactor", 3,
      "report a backup running longer than this many times the median duration of its kind (last 8 completed)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_HOURS, MEDIAN_FACTOR);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    Duration floor = Duration.ofSeconds(Math.round(ctx.value(MIN_HOURS) * 3600));
    double factor = ctx.value(MEDIAN_FACTOR);
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      for (Backup b : c.backups()) {
        if (!Catalogs.inProgress(b) || b.startedAt() == null || b.startedAt().isAfter(ctx.now())) continue;
        if (b.stoppedAt() != null && !b.stoppedAt().isAfter(ctx.now())) continue; // had ended by then
        Duration running = Duration.between(b.startedAt(), ctx.now());
        Optional<Duration> median = medianOfKind(c, Catalogs.kind(b), ctx);
        Duration limit = floor;
        if (median.isPresent()) {
          Duration scaled = Duration.ofMillis(Math.round(median.get().toMillis() * factor));
          if (scaled.compareTo(limit) > 0) limit = scaled;
        }
        if (running.compareTo(limit) <= 0) continue;
        out.add(ctx.finding(Catalogs.location(c, b), Catalogs.label(c) + ": " + Catalogs.kind(b) + " backup " + b.id()
                + " has been " + Catalogs.lower(b.status()).replace('_', ' ') + " for " + RuleContext.human(running)
                + " (since " + Fmt.when(b.startedAt()) + ")"
                + median.map(m -> ", " + String.format(java.util.Locale.ROOT, "%.1f", running.toSeconds() / (double) Math.max(1, m.toSeconds()))
                    + "× the usual " + RuleContext.human(m)).orElse("")
                + ": it may hang (lock, network, a WAL it waits for that never arrives) and blocks the next scheduled backup")
            .severity(Severity.MEDIUM)
            .evidence("tool", c.tool())
            .evidence("backup", b.id())
            .evidence("status", b.status())
            .evidence("startedAt", b.startedAt())
            .evidence("running", RuleContext.human(running))
            .evidence("usualDuration", median.map(RuleContext::human).orElse("unknown (no completed backup of this kind)"))
            .evidence("limit", RuleContext.human(limit))
            .remediation("# is the backup process alive and making progress (its log, the repository's size growing)?\n"
                + Catalogs.infoCommand(c) + "\n"
                + "-- a backup waiting for WAL: is archiving working?\n"
                + "SELECT last_archived_wal, last_archived_time, last_failed_wal, last_failed_time FROM pg_stat_archiver;\n"
                + "-- the backup's session on the server, if it still has one:\n"
                + "SELECT pid, backend_type, state, wait_event_type, wait_event, now() - backend_start AS running\n"
                + "  FROM pg_stat_activity WHERE backend_type = 'walsender' OR query ILIKE '%backup%';")
            .build());
      }
    }
    return out;
  }

  /** The median duration of the last 8 completed restorable backups of this kind, when there is at least one. */
  static Optional<Duration> medianOfKind(BackupCatalog c, String kind, RuleContext ctx) {
    List<Duration> d = Catalogs.completed(c, ctx.now()).stream()
        .filter(b -> Catalogs.kind(b).equals(kind))
        .map(Catalogs::duration).flatMap(Optional::stream).toList();
    if (d.isEmpty()) return Optional.empty();
    return Optional.of(Catalogs.median(d.subList(Math.max(0, d.size() - 8), d.size())));
  }
}
