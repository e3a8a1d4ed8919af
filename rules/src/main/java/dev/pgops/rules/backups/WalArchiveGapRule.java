package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * B06: the WAL archive is not continuous. What the tool reports (WAL-G wal-verify integrity, pg_probackup timeline
 * status and lost segments, Barman), and what the catalogue shows by itself: a restorable backup whose WAL lies
 * outside the archive's [min, max] cannot be made consistent.
 */
@RuleInfo(id = "wal-archive-gap", area = Area.BACKUPS, checklist = "BAK-6", severity = Severity.CRITICAL,
    summary = "The WAL archive has gaps, so point-in-time recovery past them is impossible")
public final class WalArchiveGapRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    List<Finding> out = new ArrayList<>();
    boolean anyKnown = false;
    for (BackupCatalog c : catalogs) {
      WalArchive w = c.archive() == null ? WalArchive.unknown() : c.archive();
      String continuity = w.continuity() == null ? "unknown" : w.continuity().toLowerCase(Locale.ROOT);
      if (!continuity.equals("unknown")) anyKnown = true;
      if (continuity.equals("failure") || continuity.equals("warning")) {
        boolean lost = continuity.equals("failure");
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " reports the WAL archive "
                + (lost ? "broken: segments are lost" : "incomplete: segments are missing (still uploading or delayed)")
                + (w.gaps().isEmpty() ? "" : " (" + String.join("; ", first(w.gaps(), 3))
                    + (w.gaps().size() > 3 ? "; " + (w.gaps().size() - 3) + " more" : "") + ")")
                + (lost ? ": recovery cannot replay past the first gap, so every point in time after it is "
                    + "unreachable from the backups before it" : ""))
            .severity(lost ? Severity.CRITICAL : Severity.MEDIUM)
            .evidence("tool", c.tool())
            .evidence("continuity", continuity)
            .evidence("gaps", String.join("; ", w.gaps()))
            .evidence("minWal", w.minWal())
            .evidence("maxWal", w.maxWal())
            .remediation(remediation(c, lost))
            .build());
      }
      out.addAll(outsideArchive(c, w, ctx));
    }
    if (out.isEmpty() && !anyKnown) {
      throw ctx.notEvaluated("no backup tool reports WAL continuity (pgBackRest info shows only the archive's first "
          + "and last segment: run pgbackrest verify; WAL-G needs wal-verify integrity); no restorable backup lies "
          + "outside the archive's first and last segment, but gaps in between cannot be seen");
    }
    return out;
  }

  /** Restorable backups whose consistency WAL (start..stop segment) is not inside the archive's [min, max]. */
  private static List<Finding> outsideArchive(BackupCatalog c, WalArchive w, RuleContext ctx) {
    Optional<WalSegment> min = WalSegment.parse(w.minWal());
    Optional<WalSegment> max = WalSegment.parse(w.maxWal());
    if (min.isEmpty() || max.isEmpty()) return List.of();
    List<Finding> out = new ArrayList<>();
    for (Backup b : Catalogs.completed(c, ctx.now())) {
      Optional<WalSegment> start = WalSegment.parse(b.startWal());
      Optional<WalSegment> stop = WalSegment.parse(b.stopWal());
      String problem = null;
      if (start.isPresent() && start.get().before(min.get())) {
        problem = "starts at WAL " + b.startWal() + ", before the archive's oldest segment " + w.minWal()
            + ": the WAL it needs to become consistent was expired or never archived";
      } else if (stop.isPresent() && max.get().before(stop.get())) {
        problem = "ends at WAL " + b.stopWal() + ", after the archive's newest segment " + w.maxWal()
            + ": the WAL it needs to become consistent is not in the archive";
      }
      if (problem == null) continue;
      out.add(ctx.finding(Catalogs.location(c, b), Catalogs.label(c) + ": backup " + b.id() + " (" + Catalogs.kind(b)
              + ") " + problem + ", so it cannot be restored")
          .severity(Severity.CRITICAL)
          .evidence("tool", c.tool())
          .evidence("backup", b.id())
          .evidence("backupStartWal", b.startWal())
          .evidence("backupStopWal", b.stopWal())
          .evidence("archiveMinWal", w.minWal())
          .evidence("archiveMaxWal", w.maxWal())
          .remediation(remediation(c, true))
          .build());
    }
    return out;
  }

  private static List<String> first(List<String> l, int n) {
    return l.subList(0, Math.min(n, l.size()));
  }

  private static String remediation(BackupCatalog c, boolean lost) {
    String verify = switch (c.tool().toLowerCase(Locale.ROOT)) {
      case "pgbackrest" -> "pgbackrest --stanza=" + Catalogs.shell(c.name()) + " verify";
      case "wal-g" -> "wal-g wal-verify integrity timeline";
      case "barman" -> "barman check " + Catalogs.shell(c.name()) + "; barman check-backup " + Catalogs.shell(c.name()) + " latest";
      case "pg_probackup" -> "pg_probackup show -B \"$BACKUP_DIR\" --instance=" + Catalogs.shell(c.name()) + " --archive";
      default -> Catalogs.infoCommand(c);
    };
    return "# confirm which segments are missing:\n" + verify + "\n"
        + (lost ? "# lost WAL cannot be recreated: take a new full backup now, so recovery has a starting point after the gap\n"
            + Catalogs.backupCommand(c, "full") + "\n"
            + "# then find why segments were lost (expire/retention too aggressive, failed uploads, a second cluster archiving to the same place)"
            : "# wait for the uploads to finish (asynchronous archiving), and check the archiver if segments stay missing");
  }
}
