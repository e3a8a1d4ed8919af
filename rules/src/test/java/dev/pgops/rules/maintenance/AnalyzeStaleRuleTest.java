package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalyzeStaleRuleTest {
  private final RuleTester t = RuleTester.of(new AnalyzeStaleRule());

  @Test
  void reportsTableChangedFarBeyondItsTrigger() {
    // trigger = 50 + 0.1 × 1 M = 100,050; report above 200,100.
    var f = t.findings(snap().table("public.orders", x -> {
      x.estimatedRows = 1_000_000;
      x.modsSinceAnalyze = 300_000;
      x.lastAutoanalyze = Snap.NOW.minus(Duration.ofDays(3));
    }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("public.orders", "300 k rows modified", "3 d 0 h ago");
      assertThat(x.evidence()).containsEntry("autoanalyzeTrigger", "100050").containsEntry("reportAbove", "200100");
      assertThat(x.remediation()).contains("ANALYZE public.orders;");
    });
  }

  @Test
  void quietJustBelowOrWhenRecentlyAnalyzedOrNeverAnalyzed() {
    var f = t.findings(snap()
        .table("public.below", x -> { x.estimatedRows = 1_000_000; x.modsSinceAnalyze = 200_100;
          x.lastAutoanalyze = Snap.NOW.minus(Duration.ofDays(3)); })
        .table("public.recent", x -> { x.estimatedRows = 1_000_000; x.modsSinceAnalyze = 900_000;
          x.lastAutoanalyze = Snap.NOW.minus(Duration.ofHours(20)); })
        .table("public.never", x -> { x.modsSinceAnalyze = 900_000; x.lastAutoanalyze = null; }));
    assertThat(f).isEmpty();
  }

  @Test
  void smallTablesUseTheTenThousandFloorAndTableOptionsCount() {
    var f = t.findings(snap()
        .table("public.small", x -> { x.estimatedRows = 1000; x.modsSinceAnalyze = 20_001;
          x.lastAutoanalyze = Snap.NOW.minus(Duration.ofDays(2)); })
        .table("public.tuned", x -> { x.estimatedRows = 10_000_000; x.modsSinceAnalyze = 250_000;
          x.options.add("autovacuum_analyze_scale_factor=0.005"); x.lastAutoanalyze = Snap.NOW.minus(Duration.ofDays(2)); }));
    assertThat(f).extracting(x -> x.location().key()).containsExactly("table:public.small", "table:public.tuned");
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
