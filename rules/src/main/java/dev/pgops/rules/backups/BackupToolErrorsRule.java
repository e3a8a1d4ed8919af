package dev.pgops.rules.backups;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * B08: what the backup tool itself says is wrong: the catalogue's status (pgBackRest status code, repository
 * status), its own failed checks (Barman check, WAL-G timeline), backups recorded with errors (page checksum
 * errors), and failed, orphaned or corrupt backups.
 */
@RuleInfo(id = "backup-tool-errors", area = Area.BACKUPS, checklist = "BAK-8", severity = Severity.HIGH,
    summary = "The backup tool reports an error: catalogue status, a failed check, or a failed, corrupt or damaged backup")
public final class BackupToolErrorsRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<BackupCatalog> catalogs = Catalogs.require(s, ctx);
    List<Finding> out = new ArrayList<>();
    for (BackupCatalog c : catalogs) {
      if (!c.ok()) {
        out.add(ctx.finding(Catalogs.location(c), Catalogs.label(c) + " reports its catalogue unhealthy: "
                + (c.statusMessage().isBlank() ? "status " + c.status() : c.statusMessage()))
            .severity(Severity.CRITICAL)
            .evidence("tool", c.tool())
            .evidence("status", c.status())
            .evidence("message", c.statusMessage())
            .evidence("source", c.source())
            .remediation("# the tool's own view, with the full message:\n" + Catalogs.infoCommand(c))
            .build());
      }
      for (ToolCheck check : c.checks()) {
        if (check.ok()) continue;
        out.add(ctx.finding(Location.object("backup-check", null, Catalogs.key(c) + "/" + check.name()),
                Catalogs.label(c) + ": check " + check.name() + " failed"
                    + (check.message() == null || check.message().isBlank() ? "" : ": " + check.message()))
            .severity(Severity.HIGH)
            .evidence("tool", c.tool())
            .evidence("check", check.name())
            .evidence("message", check.message())
            .remediation("# rerun the check and read its hint:\n" + Catalogs.infoCommand(c))
            .build());
      }
      List<Backup> restorable = Catalogs.completed(c, ctx.now());
      for (Backup b : Catalogs.asOf(c, ctx.now())) {
        if (!b.errors().isEmpty()) out.add(withErrors(c, b, ctx));
        if (Catalogs.failed(b)) out.add(failed(c, b, restorable, ctx));
      }
    }
    return out;
  }

  private static Finding withErrors(BackupCatalog c, Backup b, RuleContext ctx) {
    List<String> first = b.errors().subList(0, Math.min(5, b.errors().size()));
    return ctx.finding(Catalogs.location(c, b), Catalogs.label(c) + ": backup " + b.id() + " (" + Catalogs.kind(b)
            + ", " + Fmt.when(Catalogs.end(b)) + ") was taken with errors: " + String.join("; ", first)
            + (b.errors().size() > first.size() ? "; " + (b.errors().size() - first.size()) + " more" : "")
            + " — page checksum errors mean the copied pages were already damaged on the server, so a restore "
            + "brings the damage back")
        .severity(Severity.HIGH)
        .evidence("tool", c.tool())
        .evidence("backup", b.id())
        .evidence("errors", b.errors().size())
        .remediation("# list the damaged files (pgBackRest: info --set=" + Catalogs.shell(b.id()) + " shows error-list):\n"
            + Catalogs.infoCommand(c) + "\n"
            + "-- then check the relations on the server (amcheck, PostgreSQL 14+):\n"
            + "-- pg_amcheck --all --heapallindexed\n"
            + "SELECT datname, checksum_failures, checksum_last_failure FROM pg_stat_database WHERE checksum_failures > 0;")
        .build();
  }

  private static Finding failed(BackupCatalog c, Backup b, List<Backup> restorable, RuleContext ctx) {
    String status = Catalogs.lower(b.status());
    boolean corrupt = status.equals("corrupt");
    boolean superseded = restorable.stream().anyMatch(r -> r.kind() != null && r.kind().equals(b.kind())
        && Catalogs.end(b) != null && Catalogs.end(r).isAfter(Catalogs.end(b)));
    Severity sev = corrupt ? Severity.CRITICAL : superseded ? Severity.LOW : Severity.HIGH;
    String what = switch (status) {
      case "corrupt" -> "is corrupt: validation found damaged files, it cannot be restored, and backups building on it neither";
      case "orphan" -> "is orphaned: a backup it builds on is gone or broken, so it cannot be restored";
      default -> "failed";
    };
    return ctx.finding(Catalogs.location(c, b), Catalogs.label(c) + ": " + Catalogs.kind(b) + " backup " + b.id()
            + (b.startedAt() == null ? "" : " started " + Fmt.when(b.startedAt())) + " " + what
            + (superseded && !corrupt ? "; a later " + Catalogs.kind(b) + " backup succeeded" : "")
            + (!superseded && !corrupt ? "; no " + Catalogs.kind(b) + " backup has succeeded since" : ""))
        .severity(sev)
        .evidence("tool", c.tool())
        .evidence("backup", b.id())
        .evidence("status", b.status())
        .evidence("supersededByLaterBackup", superseded)
        .remediation("# the tool's log for this backup says why; then remove it from the catalogue and take a new one:\n"
            + Catalogs.backupCommand(c, Catalogs.kind(b)) + "\n" + Catalogs.infoCommand(c))
        .build();
  }
}
