package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SeqScanHeavyTableRuleTest {
  private final RuleTester t = RuleTester.of(new SeqScanHeavyTableRule());

  @Test
  void mediumOnModerateTable() {
    var f = t.findings(snap().table("public.orders", x -> {
      x.estimatedRows = 20_000; x.seqScans = 1_000; x.idxScans = 50; x.seqTuplesRead = 20_000_000; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.evidence()).containsEntry("seqTuplesReadPerScan", "20000");
    });
  }

  @Test
  void highOnLargeTableWithHugeRatio() {
    var f = t.findings(snap().table("public.orders", x -> { x.estimatedRows = 100_000; x.seqScans = 5_000; x.idxScans = 10; }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void quietBelowThresholds() {
    var f = t.findings(snap()
        .table("public.small", x -> { x.estimatedRows = 9_999; x.seqScans = 10_000; })
        .table("public.indexed", x -> { x.estimatedRows = 100_000; x.seqScans = 999; x.idxScans = 100; })
        .table("public.few", x -> { x.estimatedRows = 100_000; x.seqScans = 49; })
        .table("public.parent", x -> { x.kind = "p"; x.estimatedRows = 100_000; x.seqScans = 1_000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
