package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.GB;
import static dev.pgops.rules.testing.BackupFixtures.MB;
import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog.Backup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupSizeAnomalyRuleTest {
  private final RuleTester t = RuleTester.of(new BackupSizeAnomalyRule());

  private static Backup sized(String id, String kind, Instant end, long databaseBytes, long copied) {
    return backup(id, b -> {
      b.kind = kind;
      b.stoppedAt = end;
      b.startedAt = end.minus(Duration.ofMinutes(30));
      b.databaseBytes = databaseBytes;
      b.backupBytes = copied;
    });
  }

  @Test
  void aFullThatShrinksByMoreThanThirtyPercentIsMedium() {
    var c = catalog(sized("F1", "full", at("2026-11-15T01:00:00Z"), 100 * GB, 100 * GB),
        sized("F2", "full", at("2026-11-22T01:00:00Z"), 60 * GB, 60 * GB));
    assertThat(t.findings(snap().backupTool(c))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("full backup F2 is 60.0 GB (database size backed up), -40 % against 100 GB for F1",
          "may be missing data");
    });
    // before F2 ended there was nothing to compare
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T00:00:00Z")).backupTool(c))).isEmpty();
  }

  @Test
  void growthIsLowAndThirtyPercentItselfIsFine() {
    var grew = catalog(sized("F1", "full", at("2026-11-15T01:00:00Z"), 100 * GB, 100 * GB),
        sized("F2", "full", at("2026-11-22T01:00:00Z"), 140 * GB, 140 * GB));
    assertThat(t.findings(snap().backupTool(grew))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("+40 %");
    });
    var same = catalog(sized("F1", "full", at("2026-11-15T01:00:00Z"), 100 * GB, 100 * GB),
        sized("F2", "full", at("2026-11-22T01:00:00Z"), 130 * GB, 130 * GB));
    assertThat(t.findings(snap().backupTool(same))).isEmpty();
  }

  @Test
  void incrementalsCompareTheBytesCopiedWithEachOtherAndSmallChangesAreIgnored() {
    var c = catalog(sized("F1", "full", at("2026-11-15T01:00:00Z"), 100 * GB, 100 * GB),
        sized("I1", "incremental", at("2026-11-16T01:00:00Z"), 100 * GB, GB),
        sized("I2", "incremental", at("2026-11-17T01:00:00Z"), 100 * GB, 3 * GB),
        sized("F2", "full", at("2026-11-18T01:00:00Z"), 101 * GB, 101 * GB));
    assertThat(t.findings(snap().backupTool(c))).singleElement().satisfies(f -> {
      assertThat(f.evidence()).containsEntry("backup", "I2").containsEntry("measure", "bytes copied");
      assertThat(f.severity()).isEqualTo(Severity.LOW);
    });
    var small = catalog(sized("I1", "incremental", at("2026-11-16T01:00:00Z"), GB, 10 * MB),
        sized("I2", "incremental", at("2026-11-17T01:00:00Z"), GB, 50 * MB));
    assertThat(t.findings(snap().backupTool(small))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutCatalogues() {
    assertThat(t.result(snap().unavailable("backupTools", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
