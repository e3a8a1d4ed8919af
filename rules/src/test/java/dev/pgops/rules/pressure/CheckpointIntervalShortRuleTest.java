package dev.pgops.rules.pressure;

import static dev.pgops.rules.testing.Snap.snap;
import static dev.pgops.rules.testing.StatementFixtures.io;
import static dev.pgops.rules.testing.StatementFixtures.pressure;
import static dev.pgops.rules.testing.StatementFixtures.wal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointIntervalShortRuleTest {
  private final RuleTester t = RuleTester.of(new CheckpointIntervalShortRule());

  @Test
  void reportsCheckpointsEveryFewMinutes() {
    // 10 h window, 120 checkpoints: every 5 min
    var f = t.findings(snap().setting("checkpoint_timeout", "300", "s").pressure(pressure(p -> {
      p.checkpointsReset = Snap.NOW.minus(Duration.ofHours(10)); p.timed = 100; p.requested = 20; })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("every 5.00 min").contains("120 timed + requested").contains("checkpoint_timeout 300 s");
    });
  }

  @Test
  void tenMinutesIsNotReported() {
    assertThat(t.findings(snap().pressure(pressure(p -> {
      p.checkpointsReset = Snap.NOW.minus(Duration.ofHours(10)); p.timed = 60; p.requested = 0; })))).isEmpty();
  }

  @Test
  void pg18CountsOnlyCompletedCheckpoints() {
    // 120 timed+requested, but only 50 done (idle skips): every 12 min, not short
    assertThat(t.findings(snap().version(180001).pressure(pressure(p -> {
      p.checkpointsReset = Snap.NOW.minus(Duration.ofHours(10)); p.timed = 100; p.requested = 20; p.done = 50L; })))).isEmpty();
  }

  @Test
  void notEvaluatedWhenTheResetTimeIsUnknown() {
    RuleResult r = t.result(snap().pressure(pressure(p -> p.checkpointsReset = null)));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("reset time unknown");
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
