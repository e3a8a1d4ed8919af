package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CacheHitRatioRuleTest {
  private final RuleTester t = RuleTester.of(new CacheHitRatioRule());

  @Test
  void mediumBelow95AndInfoBelow99() {
    var f = t.findings(snap()
        .database(d -> { d.name = "app"; d.blocksHit = 900_000; d.blocksRead = 100_000; })
        .database(d -> { d.name = "reports"; d.blocksHit = 980_000; d.blocksRead = 20_000; }));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(0).message()).contains("app").contains("90 %");
    assertThat(f.get(1).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void quietAt99PercentOrWithFewBlocks() {
    var f = t.findings(snap()
        .database(d -> { d.blocksHit = 990_000; d.blocksRead = 10_000; })
        .database(d -> { d.name = "idle"; d.blocksHit = 10; d.blocksRead = 9_000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutDatabases() {
    assertThat(t.result(snap().unavailable("databases", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
