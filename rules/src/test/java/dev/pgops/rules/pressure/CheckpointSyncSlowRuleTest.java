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

class CheckpointSyncSlowRuleTest {
  private final RuleTester t = RuleTester.of(new CheckpointSyncSlowRule());

  @Test
  void reportsSlowSync() {
    var f = t.findings(snap().pressure(pressure(p -> { p.timed = 90; p.requested = 10; p.syncTimeMs = 5_000; })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("50.00 ms each in fsync").contains("100 checkpoints");
    });
  }

  @Test
  void fortyMillisecondsOrFewCheckpointsAreNotReported() {
    assertThat(t.findings(snap().pressure(pressure(p -> { p.timed = 100; p.requested = 0; p.syncTimeMs = 4_000; })))).isEmpty();
    assertThat(t.findings(snap().pressure(pressure(p -> { p.timed = 9; p.requested = 0; p.syncTimeMs = 9_000; })))).isEmpty();
  }

  @Test
  void pg18DividesByCompletedCheckpoints() {
    // 3,000 ms over 100 timed (40 skipped while idle) is 30 ms; over the 60 done it is 50 ms
    var f = t.findings(snap().version(180001).pressure(pressure(p -> { p.timed = 100; p.requested = 0; p.done = 60L; p.syncTimeMs = 3_000; })));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.evidence()).containsEntry("counted", "num_done"));
  }

  @Test
  void notEvaluatedWithoutPressure() {
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
