package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.BackupFixtures.at;
import static dev.pgops.rules.testing.BackupFixtures.backup;
import static dev.pgops.rules.testing.BackupFixtures.catalog;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupDurationAnomalyRuleTest {
  private final RuleTester t = RuleTester.of(new BackupDurationAnomalyRule());

  private static Backup took(String id, String kind, Instant end, Duration d) {
    return backup(id, b -> {
      b.kind = kind;
      b.stoppedAt = end;
      b.startedAt = end.minus(d);
    });
  }

  /** Nine daily fulls of 60 min (one of 90) and then {@code last}, ending 2026-11-22 02:00. */
  private static BackupCatalog fulls(Duration last) {
    List<Backup> all = new ArrayList<>();
    Instant day = at("2026-11-12T02:00:00Z");
    for (int i = 0; i < 9; i++) {
      all.add(took("F" + i, "full", day.plus(Duration.ofDays(i)), Duration.ofMinutes(i == 4 ? 90 : 60)));
    }
    all.add(took("F9", "full", at("2026-11-22T02:00:00Z"), last));
    return catalog(c -> c.backups.addAll(all));
  }

  @Test
  void moreThanOneAndAHalfTimesTheMedianOfTheLastEightIsReported() {
    assertThat(t.findings(snap().backupTool(fulls(Duration.ofMinutes(90))))).isEmpty();
    assertThat(t.findings(snap().backupTool(fulls(Duration.ofMinutes(91))))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("full backup F9 took 1 h 31 min, 1.5× the median 1 h 0 min of the 8 before it");
      assertThat(f.evidence()).containsEntry("previous", "8");
    });
    assertThat(t.findings(snap().backupTool(fulls(Duration.ofHours(4))))).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void theNewestBackupIsTheNewestAtTheCollectionTime() {
    // collected before F9 ended: F8 (60 min) is the newest, in line with the others
    assertThat(t.findings(snap().collectedAt(at("2026-11-21T12:00:00Z")).backupTool(fulls(Duration.ofHours(4))))).isEmpty();
  }

  @Test
  void kindsAreComparedSeparatelyAndFewSamplesOrShortBackupsAreNotJudged() {
    BackupCatalog mixed = catalog(c -> c.add(
        took("F1", "full", at("2026-11-15T02:00:00Z"), Duration.ofHours(2)),
        took("I1", "incremental", at("2026-11-16T02:00:00Z"), Duration.ofMinutes(20)),
        took("I2", "incremental", at("2026-11-17T02:00:00Z"), Duration.ofMinutes(20)),
        took("I3", "incremental", at("2026-11-18T02:00:00Z"), Duration.ofMinutes(20)),
        took("I4", "incremental", at("2026-11-19T02:00:00Z"), Duration.ofMinutes(45))));
    assertThat(t.findings(snap().backupTool(mixed))).singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsEntry("backup", "I4"));
    // two earlier samples are not enough
    BackupCatalog few = catalog(c -> c.add(
        took("I1", "incremental", at("2026-11-16T02:00:00Z"), Duration.ofMinutes(20)),
        took("I2", "incremental", at("2026-11-17T02:00:00Z"), Duration.ofMinutes(20)),
        took("I3", "incremental", at("2026-11-18T02:00:00Z"), Duration.ofMinutes(60))));
    assertThat(t.findings(snap().backupTool(few))).isEmpty();
    // 1 min vs 20 s: tripled, but under 10 minutes
    BackupCatalog tiny = catalog(c -> c.add(
        took("I1", "incremental", at("2026-11-16T02:00:00Z"), Duration.ofSeconds(20)),
        took("I2", "incremental", at("2026-11-17T02:00:00Z"), Duration.ofSeconds(20)),
        took("I3", "incremental", at("2026-11-18T02:00:00Z"), Duration.ofSeconds(20)),
        took("I4", "incremental", at("2026-11-19T02:00:00Z"), Duration.ofMinutes(1))));
    assertThat(t.findings(snap().backupTool(tiny))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutCatalogues() {
    assertThat(t.result(snap().unavailable("backupTools", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
