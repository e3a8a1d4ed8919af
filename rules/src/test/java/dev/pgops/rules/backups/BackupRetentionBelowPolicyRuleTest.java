package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.BackupFixtures.config;
import static dev.pgops.rules.testing.BackupFixtures.full;
import static dev.pgops.rules.testing.BackupFixtures.incr;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import org.junit.jupiter.api.Test;

class BackupRetentionBelowPolicyRuleTest {
  private final RuleTester t = RuleTester.of(new BackupRetentionBelowPolicyRule());

  private static BackupCatalog twoFulls() {
    return catalog(full("F1", at("2026-11-10T01:00:00Z")), incr("I1", at("2026-11-11T01:00:00Z")),
        full("F2", at("2026-11-17T01:00:00Z")), incr("I2", at("2026-11-18T01:00:00Z")));
  }

  @Test
  void defaultPolicyWantsTwoFulls() {
    assertThat(t.findings(snap().collectedAt(at("2026-11-20T00:00:00Z")).backupTool(twoFulls()))).isEmpty();
    // collected before F2 ended, only F1 existed
    assertThat(t.findings(snap().collectedAt(at("2026-11-12T00:00:00Z")).backupTool(twoFulls())))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
          assertThat(f.message()).contains("keeps 1 restorable full backup, the policy asks for 2", "no older one");
          assertThat(f.evidence()).containsEntry("policy", "backup.retention.fullCount 2");
        });
  }

  @Test
  void fullCountAndAgeComeFromThePolicy() {
    var policy = config("backup:\n  retention:\n    fullCount: 3\n    age: 14d\n");
    var f = t.config(policy).findings(snap().collectedAt(at("2026-11-20T00:00:00Z")).backupTool(twoFulls()));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).message()).contains("keeps 2 restorable full backups, the policy asks for 3");
    assertThat(f.get(1).message()).contains("oldest restore point is backup F1 from 9 d 23 h ago, the policy keeps 14 d 0 h");
    // the same catalogue 5 days later reaches back far enough
    assertThat(t.config(config("backup:\n  retention:\n    fullCount: 2\n    age: 14d\n"))
        .findings(snap().collectedAt(at("2026-11-25T00:00:00Z")).backupTool(twoFulls()))).isEmpty();
  }

  @Test
  void zeroFullsRequiredAndNoAgeIsNothingToCheck() {
    assertThat(t.config(config("backup:\n  retention:\n    fullCount: 0\n"))
        .findings(snap().collectedAt(at("2026-11-12T00:00:00Z")).backupTool(twoFulls()))).isEmpty();
  }

  @Test
  void anEmptyCatalogueIsLeftToBackupTooOldAndNoCatalogueIsNotEvaluated() {
    assertThat(t.findings(snap().backupTool(catalog()))).isEmpty();
    assertThat(t.result(snap().unavailable("backupTools", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
