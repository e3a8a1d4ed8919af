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

class WalBuffersFullRuleTest {
  private final RuleTester t = RuleTester.of(new WalBuffersFullRule());

  @Test
  void reportsBuffersFullAboveOnePercentOfWalPages() {
    // 8 GB of WAL = 1,048,576 pages of 8 kB; 20,000 times full = 1.9 %
    var f = t.findings(snap().setting("wal_buffers", "2048", "8kB").pressure(pressure(p -> p.wal = wal(50_000_000, 8L << 30, 20_000))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.location().key()).isEqualTo("setting:wal_buffers");
      assertThat(x.message()).contains("20 k times, 1.9 %").contains("wal_buffers is 2048 8kB");
      assertThat(x.remediation()).contains("wal_buffers = '64MB'").contains("restart");
    });
  }

  @Test
  void onePercentOrNeverFullIsNotReported() {
    assertThat(t.findings(snap().pressure(pressure(p -> p.wal = wal(50_000_000, 8L << 30, 10_485))))).isEmpty();
    assertThat(t.findings(snap().pressure(pressure(p -> p.wal = wal(50_000_000, 8L << 30, 0))))).isEmpty();
  }

  @Test
  void notEvaluatedBeforePg14() {
    RuleResult r = t.result(snap().version(130018).pressure(pressure(p -> p.wal = null)));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("PostgreSQL 14");
  }
}
