package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ArchiveCommandUnsafeRuleTest {
  private final RuleTester t = RuleTester.of(new ArchiveCommandUnsafeRule());

  @Test
  void emptyCommandIsCritical() {
    var f = t.findings(snap().setting("archive_mode", "on").setting("archive_command", "").setting("archive_library", ""));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.message()).contains("until the disk fills");
    });
  }

  @Test
  void plainCopyIsMedium() {
    var f = t.findings(snap().setting("archive_mode", "on")
        .setting("archive_command", "test ! -f /mnt/arch/%f && cp %p /mnt/arch/%f"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("no fsync");
    });
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "rsync -a %p backup:/wal/%f")))
        .hasSize(1);
  }

  @Test
  void noOpCommandIsHigh() {
    var f = t.findings(snap().setting("archive_mode", "on").setting("archive_command", "/bin/true"));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void knownToolsLibrariesAndOffAreFine() {
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "pgbackrest --stanza=main archive-push %p"))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "wal-g wal-push %p"))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "barman-wal-archive backup pg %p"))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "")
        .setting("archive_library", "basic_archive"))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "off").setting("archive_command", "(disabled)"))).isEmpty();
    // a custom script is not judged; "cp" inside a word is not a copy
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "/usr/local/bin/ship-wal %p"))).isEmpty();
  }

  @Test
  void bothCommandAndLibraryStopArchivingOn16AndIgnoreTheCommandOn15() {
    var pg17 = t.findings(snap().setting("archive_mode", "on").setting("archive_library", "basic_archive")
        .setting("archive_command", "pgbackrest --stanza=main archive-push %p"));
    assertThat(pg17).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.message()).contains("Both archive_library ('basic_archive') and archive_command", "PostgreSQL 16+ refuses");
      assertThat(x.remediation()).contains("ALTER SYSTEM SET archive_command = 'pgbackrest --stanza=main archive-push %p';");
    });
    var pg15 = t.findings(snap().version(150008).setting("archive_mode", "on").setting("archive_library", "basic_archive")
        .setting("archive_command", "pgbackrest --stanza=main archive-push %p"));
    assertThat(pg15).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("the command is ignored");
    });
  }

  @Test
  void aCommandThatBypassesTheBackupToolInTheSnapshot() {
    var walg = catalog(c -> { c.tool = "wal-g"; c.name = ""; });
    var f = t.findings(snap().setting("archive_mode", "on").setting("archive_command", "pgbackrest --stanza=old archive-push %p")
        .backupTool(walg));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("does not call the backup tool whose catalogue was read (WAL-G)");
    });
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "envdir /etc/wal-g wal-g wal-push %p")
        .backupTool(walg))).isEmpty();
    // Barman may stream WAL instead: not judged
    var barman = catalog(c -> { c.tool = "barman"; c.name = "pg"; });
    assertThat(t.findings(snap().setting("archive_mode", "on").setting("archive_command", "pgbackrest --stanza=x archive-push %p")
        .backupTool(barman))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
