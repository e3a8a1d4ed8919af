package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.backup.BackupToolOptions.Command;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupToolOptionsTest {

  private static List<List<String>> argvs(BackupToolOptions o) {
    return o.commands().stream().map(Command::argv).toList();
  }

  @Test
  void readOnlyCommandsPerTool() {
    assertThat(argvs(BackupToolOptions.of(BackupTool.PGBACKREST, "main")))
        .containsExactly(List.of("pgbackrest", "--stanza=main", "--output=json", "info"));
    assertThat(argvs(BackupToolOptions.of(BackupTool.PGBACKREST, null)))
        .containsExactly(List.of("pgbackrest", "--output=json", "info"));
    assertThat(argvs(BackupToolOptions.of(BackupTool.WAL_G, null))).containsExactly(
        List.of("wal-g", "backup-list", "--detail", "--json"),
        List.of("wal-g", "wal-verify", "integrity", "timeline", "--json"));
    assertThat(argvs(BackupToolOptions.of(BackupTool.BARMAN, "pg"))).containsExactly(
        List.of("barman", "-f", "json", "list-backups", "pg"), List.of("barman", "-f", "json", "check", "pg"));
    assertThat(argvs(BackupToolOptions.of(BackupTool.BARMAN, null))).containsExactly(
        List.of("barman", "-f", "json", "list-backups", "all"), List.of("barman", "-f", "json", "check", "all"));
    assertThat(BackupToolOptions.of(BackupTool.BARMAN, "pg").barmanShowBackup("pg", "20261116T010002").argv())
        .containsExactly("barman", "-f", "json", "show-backup", "pg", "20261116T010002");
    assertThat(argvs(BackupToolOptions.of(BackupTool.PG_PROBACKUP, "node"))).containsExactly(
        List.of("pg_probackup", "show", "--instance", "node", "--format=json"),
        List.of("pg_probackup", "show", "--instance", "node", "--archive", "--format=json"));
    assertThat(BackupToolOptions.of(BackupTool.PGBACKREST, "main").commands().get(0).required()).isTrue();
    assertThat(BackupToolOptions.of(BackupTool.WAL_G, "main").commands().get(1).required()).isFalse();
  }

  @Test
  void theProgramReplacesTheToolNameAndKeepsItsOwnOptions() {
    BackupToolOptions pgbr = BackupToolOptions.of(BackupTool.PGBACKREST, "main")
        .withProgram(Argv.split("sudo -u postgres pgbackrest --config=/etc/pgbackrest/db.conf"));
    assertThat(argvs(pgbr)).containsExactly(List.of("sudo", "-u", "postgres", "pgbackrest",
        "--config=/etc/pgbackrest/db.conf", "--stanza=main", "--output=json", "info"));
    // pg_probackup wants its command first: it goes right after the word naming pg_probackup
    BackupToolOptions probackup = BackupToolOptions.of(BackupTool.PG_PROBACKUP, null)
        .withProgram(Argv.split("sudo -u postgres /usr/bin/pg_probackup-16 -B /backup"));
    assertThat(argvs(probackup).get(0)).containsExactly("sudo", "-u", "postgres", "/usr/bin/pg_probackup-16", "show",
        "-B", "/backup", "--format=json");
  }

  @Test
  void defaultsAndValidation() {
    BackupToolOptions o = new BackupToolOptions(BackupTool.WAL_G, "  ", null, List.of(), null);
    assertThat(o.name()).isNull();
    assertThat(o.program()).containsExactly("wal-g");
    assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> o.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(BackupTool.parse("WAL-G")).isEqualTo(BackupTool.WAL_G);
    assertThat(BackupTool.parse("walg")).isEqualTo(BackupTool.WAL_G);
    assertThat(BackupTool.parse("pg_probackup")).isEqualTo(BackupTool.PG_PROBACKUP);
    assertThatThrownBy(() -> BackupTool.parse("bacula")).hasMessage(
        "unknown backup tool 'bacula' (valid: pgbackrest, wal-g, barman, pg_probackup)");
  }
}
