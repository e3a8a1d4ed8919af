package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RecoveryConflictsRuleTest {
  private final RuleTester t = RuleTester.of(new RecoveryConflictsRule());

  @Test
  void manyConflictsPerDayAreLow() {
    var f = t.findings(snap().inRecovery(true).database(d -> { d.name = "app"; d.conflicts = 900; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("app", "900 queries cancelled", "30.00 per day");
      assertThat(x.remediation()).contains("pg_stat_database_conflicts", "hot_standby_feedback");
    });
  }

  @Test
  void fewConflictsAreInfoAndNoneIsNoFinding() {
    assertThat(t.findings(snap().database(d -> d.conflicts = 30))).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
    assertThat(t.findings(snap().database(d -> d.conflicts = 0))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutDatabaseStatistics() {
    assertThat(t.result(snap().unavailable("databases", "permission denied")).status())
        .isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
