package dev.pgops.backup;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The backup tools whose catalogues pgops reads; {@link #id()} is the name used on the command line and in snapshots. */
public enum BackupTool {
  PGBACKREST("pgbackrest", "stanza"),
  WAL_G("wal-g", "storage prefix"),
  BARMAN("barman", "server"),
  PG_PROBACKUP("pg_probackup", "instance");

  private final String id;
  private final String nameKind;

  BackupTool(String id, String nameKind) {
    this.id = id;
    this.nameKind = nameKind;
  }

  /** {@code pgbackrest}, {@code wal-g}, {@code barman} or {@code pg_probackup} (also the default executable). */
  public String id() {
    return id;
  }

  /** What {@code --backup-name} means for this tool: stanza, server, instance. */
  public String nameKind() {
    return nameKind;
  }

  /** By id, case-insensitive, "walg" and "probackup" accepted too. */
  public static BackupTool parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (BackupTool t : values()) {
      if (t.id.equals(k) || t.id.replace("-", "").replace("pg_", "").equals(k.replace("-", "").replace("pg_", ""))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown backup tool '" + s + "' (valid: " + ids() + ")");
  }

  public static String ids() {
    return Arrays.stream(values()).map(BackupTool::id).collect(Collectors.joining(", "));
  }
}
