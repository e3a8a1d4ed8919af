package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.config;
import static dev.pgops.rules.testing.BackupFixtures.drill;
import static dev.pgops.rules.testing.BackupFixtures.failedDrill;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.BackupFixtures.passedDrill;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import org.junit.jupiter.api.Test;

class RestoreDrillOverdueRuleTest {
  private final RuleTester t = RuleTester.of(new RestoreDrillOverdueRule());
  private static final BackupCatalog MAIN = catalog(full("F1", at("2026-11-20T01:00:00Z")));

  @Test
  void isARestoreDrillsRule() {
    RuleDescriptor d = RuleDescriptor.of(new RestoreDrillOverdueRule());
    assertThat(d.area()).isEqualTo(Area.RESTORE_DRILLS);
    assertThat(d.checklistItem()).isEqualTo("DRL-1");
  }

  @Test
  void neverRestoreTestedIsAFindingWhenDrillsWereReadAndNoneExists() {
    assertThat(t.findings(snap().backupTool(MAIN))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).startsWith("The backups of pgBackRest stanza 'main' have never been restore-tested");
      assertThat(f.location().key()).isEqualTo("backup-catalog:pgbackrest/main");
      assertThat(f.remediation()).contains("pgops drill run --tool pgbackrest --stanza main");
    });
  }

  @Test
  void notEvaluatedWhenDrillRecordsWereNotRead() {
    RuleResult r = t.result(snap().backupTool(MAIN).unavailable("drills", "no drill directory configured (--drills DIR)"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).isEqualTo("restore drills not collected: no drill directory configured (--drills DIR)");
  }

  @Test
  void theSameDrillFlipsWhenTheCollectionTimeMoves() {
    var d = passedDrill("2026-10-01-main", at("2026-10-01T10:00:00Z")); // ended 10:27
    assertThat(t.findings(snap().collectedAt(at("2026-10-02T10:00:00Z")).backupTool(MAIN).drill(d))).isEmpty();
    assertThat(t.findings(snap().collectedAt(at("2026-12-29T10:27:00Z")).backupTool(MAIN).drill(d))).isEmpty(); // 89 d
    assertThat(t.findings(snap().collectedAt(at("2027-01-10T10:00:00Z")).backupTool(MAIN).drill(d)))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
          assertThat(f.message()).contains("was 100 d 23 h ago", "drill 2026-10-01-main (pgbackrest, backup F1)",
              "over the 90 d 0 h policy");
        });
    // twice the policy: high
    assertThat(t.findings(snap().collectedAt(at("2027-04-01T10:00:00Z")).backupTool(MAIN).drill(d)))
        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    // a drill after the collection time had not happened yet
    assertThat(t.findings(snap().collectedAt(at("2026-09-30T10:00:00Z")).backupTool(MAIN).drill(d)))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("never been restore-tested"));
  }

  @Test
  void maxAgeComesFromThePolicy() {
    var d = passedDrill("d1", at("2026-10-01T10:00:00Z"));
    assertThat(t.config(config("backup:\n  drill:\n    maxAge: 30d\n"))
        .findings(snap().collectedAt(at("2026-11-23T10:00:00Z")).backupTool(MAIN).drill(d))).hasSize(1);
  }

  @Test
  void onlyFailedDrillsMeanNoneHasPassed() {
    var f = t.findings(snap().backupTool(MAIN).drill(failedDrill("d1", at("2026-11-01T10:00:00Z"), "recovery stopped: WAL missing")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("No restore drill of pgBackRest stanza 'main' has passed: 1 recorded, all failed");
    });
  }

  @Test
  void drillsCountForTheCatalogueTheyRestoredFrom() {
    BackupCatalog other = catalog(c -> {
      c.name = "reports";
      c.add(full("R1", at("2026-11-20T01:00:00Z")));
    });
    var mainDrill = passedDrill("d1", at("2026-11-10T10:00:00Z"));
    var f = t.findings(snap().backupTool(MAIN).backupTool(other).drill(mainDrill));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.location().key()).isEqualTo("backup-catalog:pgbackrest/reports"));
    // a manual drill names the stanza
    var manual = drill("m1", d -> {
      d.tool = "manual";
      d.name = "reports";
      d.startedAt = at("2026-11-10T10:00:00Z");
    });
    assertThat(t.findings(snap().backupTool(MAIN).backupTool(other).drill(mainDrill).drill(manual))).isEmpty();
  }

  @Test
  void withoutCataloguesTheClusterIsJudgedByItsOwnDrills() {
    var ours = passedDrill("d1", at("2026-11-10T10:00:00Z"));
    var foreign = drill("d2", d -> {
      d.systemIdentifier = "1234567890123456789";
      d.startedAt = at("2026-11-10T10:00:00Z");
    });
    assertThat(t.findings(snap().unavailable("backupTools", "none").drill(ours))).isEmpty();
    assertThat(t.findings(snap().unavailable("backupTools", "none").drill(foreign))).singleElement()
        .satisfies(f -> {
          assertThat(f.location().key()).isEqualTo("server:server");
          assertThat(f.message()).contains("The backups of this cluster have never been restore-tested");
        });
  }
}
