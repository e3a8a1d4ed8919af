package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class MxidWraparoundRuleTest {
  private final RuleTester t = RuleTester.of(new MxidWraparoundRule());

  @Test
  void reportsAboveOneAndAHalfTimesTheDefault() {
    var f = t.findings(snap().database(d -> d.mxidAge = 700_000_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("MultiXact", "700 M");
      assertThat(x.evidence()).containsEntry("mediumAbove", "600000000");
    });
  }

  @Test
  void quietJustBelow() {
    assertThat(t.findings(snap().database(d -> d.mxidAge = 600_000_000))).isEmpty();
  }

  @Test
  void highAboveOneBillion() {
    var f = t.findings(snap().setting("autovacuum_multixact_freeze_max_age", "800000000")
        .database(d -> d.mxidAge = 1_100_000_000));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void notEvaluatedWithoutDatabases() {
    assertThat(t.result(snap().unavailable("databases", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
