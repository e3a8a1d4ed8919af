package dev.pgops.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One backup tool's catalogue for one stanza / server / instance, normalised, with the tool's own JSON kept as
 * {@code raw} for evidence. Identifiers, LSNs and system identifiers are text: LSNs as PostgreSQL writes them
 * ({@code 0/3000028}), system identifiers as unsigned 64-bit decimals (they exceed 2^53, so never a JSON number).
 *
 * @param tool             {@code pgbackrest}, {@code wal-g}, {@code barman} or {@code pg_probackup}
 * @param name             stanza (pgBackRest), server (Barman), instance (pg_probackup); WAL-G: the storage prefix or ""
 * @param source           where it came from: {@code file PATH} or {@code command pgbackrest --stanza=x info --output=json}
 * @param status           {@code ok} or {@code error} (the tool reports a problem with the catalogue itself)
 * @param statusMessage    the tool's message for a non-ok status (pgBackRest code and message …), else ""
 * @param systemIdentifier the cluster's system identifier as the tool records it, or null
 * @param pgMajor          the PostgreSQL major the tool records, or null
 * @param backups          every backup the tool lists, oldest first
 * @param archive          the WAL archive as the tool sees it
 * @param checks           the tool's own health checks (Barman check, pgBackRest repo status …), possibly empty
 * @param raw              the tool's JSON as read
 */
public record BackupCatalog(String tool, String name, String source, String status, String statusMessage,
    String systemIdentifier, Integer pgMajor, List<Backup> backups, WalArchive archive, List<ToolCheck> checks,
    JsonNode raw) {

  public BackupCatalog {
    backups = List.copyOf(backups == null ? List.of() : backups);
    checks = List.copyOf(checks == null ? List.of() : checks);
    statusMessage = statusMessage == null ? "" : statusMessage;
  }

  public boolean ok() {
    return "ok".equals(status);
  }

  /**
   * One backup.
   *
   * @param id               label / backup_name / backup_id / id
   * @param kind             {@code full}, {@code differential} or {@code incremental} (WAL-G delta, pg_probackup
   *                         PAGE/DELTA/PTRACK, Barman incremental → incremental)
   * @param status           {@code ok} (complete and restorable), {@code running}, {@code failed}, {@code corrupt}
   *                         or the tool's own word in lower case when none fits
   * @param startedAt        start, or null
   * @param stoppedAt        end (null while running)
   * @param startLsn         "X/Y", or null
   * @param stopLsn          "X/Y", or null
   * @param startWal         first WAL segment name, or null
   * @param stopWal          last WAL segment needed for consistency, or null
   * @param databaseBytes    size of the database backed up, or null
   * @param backupBytes      bytes this backup copied (a delta for incrementals), or null
   * @param repoBytes        bytes it takes in the repository (compressed), or null
   * @param systemIdentifier as recorded for this backup, or null
   * @param pgMajor          PostgreSQL major of this backup, or null
   * @param parent           the backup it builds on (incremental/differential), or null
   * @param errors           problems the tool recorded for it (page checksum errors …), empty when none
   */
  public record Backup(String id, String kind, String status, Instant startedAt, Instant stoppedAt, String startLsn,
      String stopLsn, String startWal, String stopWal, Long databaseBytes, Long backupBytes, Long repoBytes,
      String systemIdentifier, Integer pgMajor, String parent, List<String> errors) {

    public Backup {
      errors = List.copyOf(errors == null ? List.of() : errors);
    }

    public boolean restorable() {
      return "ok".equals(status);
    }

    public boolean full() {
      return "full".equals(kind);
    }
  }

  /**
   * The WAL archive.
   *
   * @param minWal     oldest archived segment, or null
   * @param maxWal     newest archived segment, or null
   * @param continuity {@code ok}, {@code warning}, {@code failure} (segments lost) or {@code unknown} (the tool
   *                   output does not say)
   * @param gaps       missing ranges or lost segments the tool reports ("timeline 1: 000000010000000000000005 –
   *                   000000010000000000000007 lost"), empty when none
   */
  public record WalArchive(String minWal, String maxWal, String continuity, List<String> gaps) {
    public WalArchive {
      gaps = List.copyOf(gaps == null ? List.of() : gaps);
    }

    public static WalArchive unknown() {
      return new WalArchive(null, null, "unknown", List.of());
    }
  }

  /** One of the tool's own checks: its name as the tool calls it, whether it passed, and its message or hint. */
  public record ToolCheck(String name, boolean ok, String message) {}
}
