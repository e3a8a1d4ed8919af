package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RollbackRatioRuleTest {
  private final RuleTester t = RuleTester.of(new RollbackRatioRule());

  @Test
  void lowAbove5AndMediumAbove20() {
    var f = t.findings(snap()
        .database(d -> { d.name = "a"; d.xactCommit = 900; d.xactRollback = 100; })
        .database(d -> { d.name = "b"; d.xactCommit = 700; d.xactRollback = 300; }));
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.LOW, Severity.MEDIUM);
  }

  @Test
  void quietAt5PercentOrFewTransactions() {
    var f = t.findings(snap()
        .database(d -> { d.xactCommit = 950; d.xactRollback = 50; })
        .database(d -> { d.name = "tiny"; d.xactCommit = 500; d.xactRollback = 499; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutDatabases() {
    assertThat(t.result(snap().unavailable("databases", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
