package dev.pgops.rules.testing;

import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.ConfigException;
import dev.pgops.rules.ConfigLoader;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import dev.pgops.snapshot.DrillRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backup-tool catalogues and restore-drill records for rule tests, with fixed instants (never the wall clock):
 * {@code catalog(c -> { c.backups.add(full("F1", at("2026-11-16T01:00:00Z"))); })}. Defaults: pgBackRest stanza
 * "main" of the cluster {@link #SYSTEM_ID} on PostgreSQL 17, status ok, an archive of unknown continuity.
 */
public final class BackupFixtures {
  private BackupFixtures() {}

  /** The system identifier of the test cluster: above 2^53, as real ones are. */
  public static final String SYSTEM_ID = "7507672962298572862";
  public static final long GB = 1L << 30, MB = 1L << 20;

  /** A configuration read from pgops.yaml text by the real loader (the backup policy, rule thresholds). */
  public static PgopsConfig config(String yaml) {
    try {
      return new ConfigLoader(BuiltInRules.CATALOG).parse(yaml, "pgops.yaml");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static Instant at(String iso) {
    return Instant.parse(iso);
  }

  public static final class CatalogBuilder {
    public String tool = "pgbackrest", name = "main", source = "file info.json", status = "ok", statusMessage = "",
        systemIdentifier = SYSTEM_ID;
    public Integer pgMajor = 17;
    public List<Backup> backups = new ArrayList<>();
    public WalArchive archive = WalArchive.unknown();
    public List<ToolCheck> checks = new ArrayList<>();

    public CatalogBuilder add(Backup... b) {
      backups.addAll(List.of(b));
      return this;
    }
  }

  public static BackupCatalog catalog(Consumer<CatalogBuilder> c) {
    CatalogBuilder b = new CatalogBuilder();
    c.accept(b);
    return new BackupCatalog(b.tool, b.name, b.source, b.status, b.statusMessage, b.systemIdentifier, b.pgMajor,
        b.backups, b.archive, b.checks, null);
  }

  /** A pgBackRest stanza "main" with these backups. */
  public static BackupCatalog catalog(Backup... backups) {
    return catalog(c -> c.add(backups));
  }

  public static final class BackupBuilder {
    public String id, kind = "full", status = "ok", startLsn, stopLsn, startWal, stopWal, systemIdentifier = SYSTEM_ID,
        parent;
    public Instant startedAt, stoppedAt;
    public Long databaseBytes = 10 * GB, backupBytes = 10 * GB, repoBytes = 3 * GB;
    public Integer pgMajor = 17;
    public List<String> errors = new ArrayList<>();
  }

  public static Backup backup(String id, Consumer<BackupBuilder> c) {
    BackupBuilder b = new BackupBuilder();
    b.id = id;
    c.accept(b);
    return new Backup(b.id, b.kind, b.status, b.startedAt, b.stoppedAt, b.startLsn, b.stopLsn, b.startWal, b.stopWal,
        b.databaseBytes, b.backupBytes, b.repoBytes, b.systemIdentifier, b.pgMajor, b.parent, b.errors);
  }

  /** A restorable full backup that ran for one hour and ended at {@code stoppedAt}. */
  public static Backup full(String id, Instant stoppedAt) {
    return backup(id, b -> {
      b.stoppedAt = stoppedAt;
      b.startedAt = stoppedAt.minus(Duration.ofHours(1));
    });
  }

  /** A restorable incremental backup (1 GB copied) that ran for 10 minutes and ended at {@code stoppedAt}. */
  public static Backup incr(String id, Instant stoppedAt) {
    return backup(id, b -> {
      b.kind = "incremental";
      b.stoppedAt = stoppedAt;
      b.startedAt = stoppedAt.minus(Duration.ofMinutes(10));
      b.backupBytes = GB;
    });
  }

  /** A restorable differential backup (2 GB copied) that ran for 20 minutes and ended at {@code stoppedAt}. */
  public static Backup diff(String id, Instant stoppedAt) {
    return backup(id, b -> {
      b.kind = "differential";
      b.stoppedAt = stoppedAt;
      b.startedAt = stoppedAt.minus(Duration.ofMinutes(20));
      b.backupBytes = 2 * GB;
    });
  }

  public static final class DrillBuilder {
    public String drillId, tool = "pgbackrest", name = "main", systemIdentifier = SYSTEM_ID, backupId = "F1",
        target = "latest", pgVersion = "17.2", outcome = "pass", failure, operator = "dba", changeRecord;
    public Instant backupStoppedAt, startedAt, restoredAt, recoveredAt, verifiedAt;
    public Long rtoSeconds, rpoSeconds, rtoTargetSeconds, rpoTargetSeconds;
    public List<DrillRecord.Step> verification = new ArrayList<>();
  }

  public static DrillRecord drill(String id, Consumer<DrillBuilder> c) {
    DrillBuilder b = new DrillBuilder();
    b.drillId = id;
    c.accept(b);
    return new DrillRecord(b.drillId, b.tool, b.name, b.systemIdentifier, b.backupId, b.backupStoppedAt, b.target,
        b.pgVersion, b.startedAt, b.restoredAt, b.recoveredAt, b.verifiedAt, b.rtoSeconds, b.rpoSeconds,
        b.rtoTargetSeconds, b.rpoTargetSeconds, b.verification, b.outcome, b.failure, b.operator, b.changeRecord);
  }

  /**
   * A passed drill of stanza "main" started at {@code startedAt}: restore 20 min, recovery 5 min, verification
   * 2 min (RTO 27 min), RPO 40 s.
   */
  public static DrillRecord passedDrill(String id, Instant startedAt) {
    return drill(id, d -> {
      d.startedAt = startedAt;
      d.restoredAt = startedAt.plus(Duration.ofMinutes(20));
      d.recoveredAt = startedAt.plus(Duration.ofMinutes(25));
      d.verifiedAt = startedAt.plus(Duration.ofMinutes(27));
      d.rtoSeconds = 27 * 60L;
      d.rpoSeconds = 40L;
      d.verification.add(new DrillRecord.Step("row counts", "ok", "12/12 tables"));
    });
  }

  /** A drill of stanza "main" started at {@code startedAt} that failed in recovery. */
  public static DrillRecord failedDrill(String id, Instant startedAt, String failure) {
    return drill(id, d -> {
      d.startedAt = startedAt;
      d.restoredAt = startedAt.plus(Duration.ofMinutes(20));
      d.outcome = "fail";
      d.failure = failure;
      d.verification.add(new DrillRecord.Step("server up", "failed", failure));
    });
  }
}
