package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnusedIndexRuleTest {
  private final RuleTester t = RuleTester.of(new UnusedIndexRule());

  @Test
  void reportsLargeNeverScannedIndex() {
    var f = t.findings(snap().index("public.orders_note_idx", "orders", i -> { i.scans = 0; i.sizeBytes = 200L << 20; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.orders_note_idx");
      assertThat(x.remediation()).contains("DROP INDEX CONCURRENTLY public.orders_note_idx");
      assertThat(x.evidence()).containsEntry("statsWindow", "30 d 0 h");
    });
  }

  @Test
  void neverReportsPrimaryOrUniqueOrUsedIndexes() {
    var f = t.findings(snap()
        .index("public.orders_pkey", "orders", i -> { i.scans = 0; i.primary = true; i.unique = true; i.sizeBytes = 200L << 20; })
        .index("public.orders_email_key", "orders", i -> { i.scans = 0; i.unique = true; i.sizeBytes = 200L << 20; })
        .index("public.orders_used_idx", "orders", i -> { i.scans = 5; i.sizeBytes = 200L << 20; })
        .index("public.tiny_idx", "orders", i -> { i.scans = 0; i.sizeBytes = 8192; }));
    assertThat(f).isEmpty();
  }

  @Test
  void shortStatisticsWindowLowersSeverityAndSaysSo() {
    var f = t.findings(snap().statsWindow(Duration.ofHours(2))
        .index("public.orders_note_idx", "orders", i -> { i.scans = 0; i.sizeBytes = 200L << 20; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("statistics cover only 2 h");
    });
  }

  @Test
  void notEvaluatedWhenIndexesUnavailable() {
    RuleResult r = t.result(snap().unavailable("indexes", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("permission denied");
  }
}
