package dev.pgops.rules.backups;

import dev.pgops.findings.Location;
import dev.pgops.rules.RuleContext;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The restore drills each backup catalogue has had (shared with the report's backup section), as of the collection time. With catalogues in the snapshot, a
 * drill counts for the catalogue it restored from (same tool and stanza / server / instance; a manual drill by name
 * or system identifier). Without them, every drill of this cluster counts for "this cluster". A drill that ended
 * after the collection time had not happened yet.
 */
public final class Drills {
  private Drills() {}

  /** What drills are held against: a catalogue, or the cluster as a whole. Drills oldest first. */
  record Target(String label, Location location, BackupCatalog catalog, List<DrillRecord> drills) {
    Optional<DrillRecord> last() {
      return drills.isEmpty() ? Optional.empty() : Optional.of(drills.get(drills.size() - 1));
    }

    Optional<DrillRecord> lastPassed() {
      for (int i = drills.size() - 1; i >= 0; i--) {
        if (drills.get(i).passed()) return Optional.of(drills.get(i));
      }
      return Optional.empty();
    }
  }

  /** The targets, or "not evaluated" when the drills section is unavailable. */
  static List<Target> targets(Snapshot s, RuleContext ctx) {
    List<DrillRecord> all = ctx.require(s.drills(), "restore drills");
    List<DrillRecord> past = all.stream()
        .filter(d -> when(d) != null && !when(d).isAfter(ctx.now()))
        .sorted(Comparator.comparing(Drills::when).thenComparing(d -> d.drillId() == null ? "" : d.drillId()))
        .toList();
    List<BackupCatalog> catalogs = s.backupTools().collected().orElse(List.of());
    List<Target> out = new ArrayList<>();
    if (!catalogs.isEmpty()) {
      for (BackupCatalog c : catalogs) {
        out.add(new Target(Catalogs.label(c), Catalogs.location(c), c, past.stream().filter(d -> matches(d, c)).toList()));
      }
      return out;
    }
    String serverId = s.control().collected().map(ControlData::systemIdentifier).orElse(null);
    List<DrillRecord> ours = past.stream()
        .filter(d -> serverId == null || d.systemIdentifier() == null || d.systemIdentifier().equals(serverId))
        .toList();
    out.add(new Target("this cluster", Location.server(), null, ours));
    return out;
  }

  /** When the drill ended: verified, else recovered, else restored, else started. */
  public static Instant when(DrillRecord d) {
    if (d.verifiedAt() != null) return d.verifiedAt();
    if (d.recoveredAt() != null) return d.recoveredAt();
    if (d.restoredAt() != null) return d.restoredAt();
    return d.startedAt();
  }

  public static boolean matches(DrillRecord d, BackupCatalog c) {
    String tool = lower(d.tool());
    String name = d.name() == null ? "" : d.name();
    String catalogName = c.name() == null ? "" : c.name();
    if (tool.equals(lower(c.tool()))) return name.equals(catalogName);
    if (tool.equals("manual")) {
      return (!name.isEmpty() && name.equals(catalogName))
          || (d.systemIdentifier() != null && Objects.equals(d.systemIdentifier(), c.systemIdentifier()));
    }
    return false;
  }

  /** "drill 2026-W44 (pgbackrest, backup 20261101-010002F)". */
  static String describe(DrillRecord d) {
    return "drill " + d.drillId() + " (" + d.tool() + (d.backupId() == null ? "" : ", backup " + d.backupId()) + ")";
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
