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

class CheckpointsRequestedRuleTest {
  private final RuleTester t = RuleTester.of(new CheckpointsRequestedRule());

  @Test
  void reportsRequestedShareWithMaxWalSize() {
    var f = t.findings(snap().setting("max_wal_size", "1024", "MB").setting("checkpoint_timeout", "300", "s")
        .pressure(pressure(p -> { p.timed = 80; p.requested = 20; })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("20 % of checkpoints were requested (20 of 100)").contains("max_wal_size (1024 MB)");
      assertThat(x.remediation()).contains("max_wal_size = '2048MB'").contains("max_wal_size = '1024MB'");
    });
  }

  @Test
  void tenPercentOrFewCheckpointsAreNotReported() {
    assertThat(t.findings(snap().pressure(pressure(p -> { p.timed = 90; p.requested = 10; })))).isEmpty();
    assertThat(t.findings(snap().pressure(pressure(p -> { p.timed = 4; p.requested = 5; })))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutPressure() {
    RuleResult r = t.result(snap());
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("instance pressure");
  }
}
