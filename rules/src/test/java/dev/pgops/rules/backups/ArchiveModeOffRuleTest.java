package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog.WalArchive;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveModeOffRuleTest {
  private final RuleTester t = RuleTester.of(new ArchiveModeOffRule());

  @Test
  void reportsArchiveModeOffOnPrimary() {
    var f = t.findings(snap().setting("archive_mode", "off"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("archive_mode is off", "point in time", "pg_basebackup");
      assertThat(x.remediation()).contains("ALTER SYSTEM SET archive_mode = 'on'", "rollback");
    });
  }

  @Test
  void criticalWhenABackupToolKeepsAWalArchive() {
    var stanza = catalog(c -> c.archive = new WalArchive("000000010000000000000001", "000000010000000000000042", "unknown",
        List.of()));
    assertThat(t.findings(snap().setting("archive_mode", "off").backupTool(stanza))).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.message()).contains("pgBackRest stanza 'main' keeps a WAL archive, which no longer grows");
      assertThat(x.evidence()).containsEntry("backupToolsWithArchive", "pgBackRest stanza 'main'");
    });
    // a tool without an archive (streaming-only) does not raise it
    assertThat(t.findings(snap().setting("archive_mode", "off").backupTool(catalog()))).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void noFindingWhenArchivingIsOn() {
    assertThat(t.findings(snap().setting("archive_mode", "on"))).isEmpty();
    assertThat(t.findings(snap().setting("archive_mode", "always"))).isEmpty();
  }

  @Test
  void standbyIsSkipped() {
    assertThat(t.findings(snap().inRecovery(true).setting("archive_mode", "off"))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("permission denied");
  }
}
