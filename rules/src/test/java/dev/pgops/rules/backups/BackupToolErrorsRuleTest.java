package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.BackupFixtures.incr;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.ToolCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupToolErrorsRuleTest {
  private final RuleTester t = RuleTester.of(new BackupToolErrorsRule());

  @Test
  void aHealthyCatalogueIsAPass() {
    BackupCatalog ok = catalog(c -> {
      c.add(full("F1", at("2026-11-20T01:00:00Z")));
      c.checks.add(new ToolCheck("repo1", true, "ok"));
    });
    assertThat(t.findings(snap().backupTool(ok))).isEmpty();
  }

  @Test
  void catalogueStatusIsCritical() {
    BackupCatalog bad = catalog(c -> {
      c.status = "error";
      c.statusMessage = "code 2: no valid backups";
    });
    assertThat(t.findings(snap().backupTool(bad))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).isEqualTo("pgBackRest stanza 'main' reports its catalogue unhealthy: code 2: no valid backups");
    });
  }

  @Test
  void failedChecksAreHighWithTheToolsHint() {
    BackupCatalog barman = catalog(c -> {
      c.tool = "barman";
      c.name = "pg";
      c.checks.addAll(List.of(new ToolCheck("wal_maximum_age", false, "last WAL age: 2 hours"),
          new ToolCheck("archiver_errors", true, "")));
    });
    assertThat(t.findings(snap().backupTool(barman))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.location().key()).isEqualTo("backup-check:barman/pg/wal_maximum_age");
      assertThat(f.message()).isEqualTo("Barman server 'pg': check wal_maximum_age failed: last WAL age: 2 hours");
      assertThat(f.remediation()).contains("barman check pg");
    });
  }

  @Test
  void backupsWithChecksumErrorsAreHigh() {
    BackupCatalog c = catalog(backup("F1", b -> {
      b.startedAt = at("2026-11-20T00:00:00Z");
      b.stoppedAt = at("2026-11-20T01:00:00Z");
      b.errors = List.of("base/16384/16402: page 7 checksum", "base/16384/16410: page 2 checksum");
    }));
    assertThat(t.findings(snap().backupTool(c))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.location().key()).isEqualTo("backup:pgbackrest/main/F1");
      assertThat(f.message()).contains("taken with errors: base/16384/16402: page 7 checksum; base/16384/16410");
    });
  }

  @Test
  void failedBackupsAreHighUntilALaterOneSucceedsAndCorruptOnesCritical() {
    var failed = backup("I2", b -> {
      b.kind = "incremental";
      b.status = "failed";
      b.startedAt = at("2026-11-21T01:00:00Z");
      b.stoppedAt = at("2026-11-21T01:05:00Z");
    });
    var corrupt = backup("F0", b -> {
      b.status = "corrupt";
      b.startedAt = at("2026-11-01T00:00:00Z");
      b.stoppedAt = at("2026-11-01T01:00:00Z");
    });
    BackupCatalog c = catalog(corrupt, full("F1", at("2026-11-17T01:00:00Z")), failed, incr("I3", at("2026-11-22T01:00:00Z")));
    // collected before I3 ran: nothing has succeeded since I2 failed
    var before = t.findings(snap().collectedAt(at("2026-11-21T12:00:00Z")).backupTool(c));
    assertThat(before).extracting(f -> f.severity()).containsExactly(Severity.CRITICAL, Severity.HIGH);
    assertThat(before.get(1).message()).contains("incremental backup I2 started 2026-11-21T01:00:00Z failed",
        "no incremental backup has succeeded since");
    // after I3 succeeded, the failure is history
    var after = t.findings(snap().collectedAt(at("2026-11-22T12:00:00Z")).backupTool(c));
    assertThat(after).extracting(f -> f.severity()).containsExactly(Severity.CRITICAL, Severity.LOW);
    assertThat(after.get(0).message()).contains("F0", "is corrupt");
    // collected before the failed backup existed: only the corrupt one
    assertThat(t.findings(snap().collectedAt(at("2026-11-18T00:00:00Z")).backupTool(c))).hasSize(1);
  }

  @Test
  void notEvaluatedWithoutCatalogues() {
    assertThat(t.result(snap().unavailable("backupTools", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
