package dev.pgops.backup;

/**
 * Text one backup-tool command printed (or a file holding it).
 *
 * @param source where it came from: {@code file PATH} or {@code command ARGV}
 * @param role   which output it is, or null when not known (a file): it is then told by its shape
 * @param text   the JSON text
 */
public record ToolOutput(String source, Role role, String text) {
  /** The outputs the parsers read. */
  public enum Role {
    PGBACKREST_INFO, WALG_BACKUP_LIST, WALG_WAL_VERIFY, BARMAN_LIST_BACKUPS, BARMAN_SHOW_BACKUP, BARMAN_CHECK,
    PROBACKUP_SHOW, PROBACKUP_ARCHIVE
  }
}
