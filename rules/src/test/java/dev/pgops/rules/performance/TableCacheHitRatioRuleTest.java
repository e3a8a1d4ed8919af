package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TableCacheHitRatioRuleTest {
  private final RuleTester t = RuleTester.of(new TableCacheHitRatioRule());

  @Test
  void reportsLargeColdTable() {
    var f = t.findings(snap().table("public.events", x -> {
      x.tableBytes = 2L << 30; x.heapBlocksHit = 500_000; x.heapBlocksRead = 500_000; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("50 %");
    });
  }

  @Test
  void quietAt75PercentOrSmallTable() {
    var f = t.findings(snap()
        .table("public.warm", x -> { x.tableBytes = 2L << 30; x.heapBlocksHit = 750_000; x.heapBlocksRead = 250_000; })
        .table("public.small", x -> { x.tableBytes = 400L << 20; x.heapBlocksHit = 1; x.heapBlocksRead = 500_000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
