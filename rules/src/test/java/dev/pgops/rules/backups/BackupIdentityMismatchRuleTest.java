package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.SYSTEM_ID;
import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import org.junit.jupiter.api.Test;

class BackupIdentityMismatchRuleTest {
  private final RuleTester t = RuleTester.of(new BackupIdentityMismatchRule());
  /** Differs from SYSTEM_ID only in the last digits: both above 2^53, so a double could not tell them apart. */
  private static final String OTHER = "7507672962298572999";

  @Test
  void theSameClusterAndMajorIsAPass() {
    assertThat(t.findings(snap().backupTool(catalog(full("F1", at("2026-11-20T00:00:00Z")))))).isEmpty();
  }

  @Test
  void aCatalogueOfAnotherClusterIsCritical() {
    BackupCatalog c = catalog(x -> {
      x.systemIdentifier = OTHER;
      x.add(full("F1", at("2026-11-20T00:00:00Z")));
    });
    assertThat(t.findings(snap().backupTool(c))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains(OTHER + ", this server is " + SYSTEM_ID);
    });
  }

  @Test
  void anUpgradeWithoutStanzaUpgradeOrWithoutANewBackup() {
    BackupCatalog stale = catalog(x -> {
      x.pgMajor = 16;
      x.add(backup("F1", b -> { b.pgMajor = 16; b.startedAt = at("2026-11-19T23:00:00Z"); b.stoppedAt = at("2026-11-20T00:00:00Z"); }));
    });
    assertThat(t.findings(snap().backupTool(stale))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("records PostgreSQL 16, the server runs 17");
      assertThat(f.remediation()).contains("pgbackrest --stanza=main stanza-upgrade");
    });
    // stanza upgraded, but the newest backup is still of 16; an older backup of another cluster is history
    BackupCatalog noNewBackup = catalog(x -> x.add(
        backup("F0", b -> { b.systemIdentifier = OTHER; b.pgMajor = 15; b.startedAt = at("2026-10-01T00:00:00Z"); b.stoppedAt = at("2026-10-01T01:00:00Z"); }),
        backup("F1", b -> { b.pgMajor = 16; b.startedAt = at("2026-11-19T23:00:00Z"); b.stoppedAt = at("2026-11-20T00:00:00Z"); })));
    assertThat(t.findings(snap().backupTool(noNewBackup))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.location().key()).isEqualTo("backup:pgbackrest/main/F1");
      assertThat(f.message()).contains("newest backup F1 is of PostgreSQL 16");
    });
    // the same catalogue once a backup of 17 exists
    BackupCatalog upgraded = catalog(x -> x.add(
        backup("F1", b -> { b.pgMajor = 16; b.startedAt = at("2026-11-19T23:00:00Z"); b.stoppedAt = at("2026-11-20T00:00:00Z"); }),
        full("F2", at("2026-11-21T00:00:00Z"))));
    assertThat(t.findings(snap().backupTool(upgraded))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-11-20T12:00:00Z")).backupTool(upgraded))).hasSize(1);
  }

  @Test
  void withoutControlDataAMajorMismatchIsStillFoundButAMatchIsNotAPass() {
    BackupCatalog c = catalog(x -> {
      x.systemIdentifier = OTHER;
      x.add(full("F1", at("2026-11-20T00:00:00Z")));
    });
    RuleResult r = t.result(snap().unavailable("control", "permission denied for function pg_control_system").backupTool(c));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("control data not collected (permission denied for function pg_control_system)");
    BackupCatalog old = catalog(x -> x.pgMajor = 16);
    assertThat(t.findings(snap().unavailable("control", "x").backupTool(old))).hasSize(1);
  }

  @Test
  void notEvaluatedWithoutCatalogues() {
    assertThat(t.result(snap().unavailable("backupTools", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
