package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * B12: the catalogue, or its newest restorable backup, belongs to another cluster (system identifier from
 * {@code pg_control_system()}) or another PostgreSQL major than the server. Older backups of an earlier major or
 * cluster are history (kept across pg_upgrade and stanza-upgrade) and are not compared.
 */
@RuleInfo(id = "backup-identity-mismatch", area = Area.BACKUPS, checklist = "BAK-10", severity = Severity.CRITICAL,
    summary = "The backup tool's catalogue or newest backup is of another cluster or PostgreSQL major than this server")
public final class BackupIdentityMismatchRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    Optional<ControlData> control = s.control().collected();
    Integer serverMajor = s.meta().version() == null ? null : s.meta().version().major();
    String serverId = control.map(ControlData::systemIdentifier).orElse(null);
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      Optional<Backup> newest = Catalogs.newest(Catalogs.completed(c, ctx.now()));
      if (serverId != null && differs(c.systemIdentifier(), serverId)) {
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " belongs to the cluster with system identifier "
                + c.systemIdentifier() + ", this server is " + serverId + ": its backups restore another cluster "
                + "(a catalogue copied from elsewhere, a re-initialised server, or a stanza pointed at the wrong host)")
            .severity(Severity.CRITICAL)
            .evidence("tool", c.tool())
            .evidence("catalogSystemIdentifier", c.systemIdentifier())
            .evidence("serverSystemIdentifier", serverId)
            .remediation(remediation(c))
            .build());
      } else if (serverId != null && newest.isPresent() && differs(newest.get().systemIdentifier(), serverId)) {
        Backup b = newest.get();
        out.add(ctx.finding(Catalogs.location(c, b), Catalogs.label(c) + ": the newest backup " + b.id()
                + " is of the cluster " + b.systemIdentifier() + ", not this server (" + serverId
                + "): no backup of this cluster has been taken since it was re-initialised or upgraded")
            .severity(Severity.HIGH)
            .evidence("tool", c.tool())
            .evidence("backup", b.id())
            .evidence("backupSystemIdentifier", b.systemIdentifier())
            .evidence("serverSystemIdentifier", serverId)
            .remediation(Catalogs.backupCommand(c, "full"))
            .build());
      }
      if (serverMajor != null && c.pgMajor() != null && !c.pgMajor().equals(serverMajor)) {
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " records PostgreSQL " + c.pgMajor()
                + ", the server runs " + serverMajor + ": after a major upgrade the tool must be told "
                + "(pgBackRest stanza-upgrade, a new Barman or pg_probackup instance), else backups and archiving fail"
                + " or mix majors")
            .severity(Severity.CRITICAL)
            .evidence("tool", c.tool())
            .evidence("catalogPgMajor", c.pgMajor())
            .evidence("serverPgMajor", serverMajor)
            .remediation(remediation(c))
            .build());
      } else if (serverMajor != null && newest.isPresent() && newest.get().pgMajor() != null
          && !newest.get().pgMajor().equals(serverMajor)) {
        Backup b = newest.get();
        out.add(ctx.finding(Catalogs.location(c, b), Catalogs.label(c) + ": the newest backup " + b.id()
                + " is of PostgreSQL " + b.pgMajor() + ", the server runs " + serverMajor
                + ": no backup has been taken since the upgrade, so a restore brings back the old major")
            .severity(Severity.HIGH)
            .evidence("tool", c.tool())
            .evidence("backup", b.id())
            .evidence("backupPgMajor", b.pgMajor())
            .evidence("serverPgMajor", serverMajor)
            .remediation(Catalogs.backupCommand(c, "full"))
            .build());
      }
    }
    if (out.isEmpty() && serverId == null) {
      throw ctx.notEvaluated("control data not collected (" + s.control().unavailableReason().orElse("unknown")
          + "): system identifiers not compared; the PostgreSQL majors match");
    }
    return out;
  }

  private static boolean differs(String a, String b) {
    return a != null && !a.isBlank() && b != null && !a.trim().equals(b.trim());
  }

  private static String remediation(BackupCatalog c) {
    String upgrade = switch (Catalogs.lower(c.tool())) {
      case "pgbackrest" -> "pgbackrest --stanza=" + Catalogs.shell(c.name()) + " stanza-upgrade";
      case "pg_probackup" -> "pg_probackup add-instance for the upgraded cluster";
      case "barman" -> "barman check " + Catalogs.shell(c.name()) + " (systemid_coherence)";
      default -> "point the tool at the upgraded cluster";
    };
    return "-- this server's identity:\n"
        + "SELECT system_identifier FROM pg_control_system();\nSHOW server_version;\n"
        + "-- and the tool's record of it:\n-- " + Catalogs.infoCommand(c) + "\n"
        + "-- after a major upgrade: " + upgrade + ", then a full backup;\n"
        + "-- a catalogue of another cluster: fix the tool's configuration (data directory, host, stanza or server name)";
  }
}
