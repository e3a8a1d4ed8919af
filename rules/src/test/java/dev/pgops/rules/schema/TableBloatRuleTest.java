package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.GB;
import static dev.pgops.rules.testing.SchemaFixtures.MB;
import static dev.pgops.rules.testing.SchemaFixtures.tableBloat;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TableBloatRuleTest {
  private final RuleTester t = RuleTester.of(new TableBloatRule());

  @Test
  void reportsBloatedTable() {
    var f = t.findings(snap().tableBloat(tableBloat("public.orders", 1000 * MB, 500 * MB, false)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.orders", "50 %", "500 MB");
      assertThat(x.remediation()).contains("VACUUM (FULL, ANALYZE) public.orders", "ACCESS EXCLUSIVE", "pg_repack", "fillfactor");
    });
  }

  @Test
  void ignoresJustBelowThresholdsAndIndexRows() {
    var f = t.findings(snap()
        .tableBloat(tableBloat("public.a", 1000 * MB, 610 * MB, false))  // 39 %
        .tableBloat(tableBloat("public.b", 150 * MB, 51 * MB, false))    // 66 % but 99 MB
        .tableBloat(dev.pgops.rules.testing.SchemaFixtures.indexBloat("public.a_idx", "a", 1000 * MB, 10 * MB, false)));
    assertThat(f).isEmpty();
  }

  @Test
  void escalatesOnRatioOrAbsoluteSize() {
    var f = t.findings(snap()
        .tableBloat(tableBloat("public.ratio", 1000 * MB, 90 * MB, false))       // 91 %
        .tableBloat(tableBloat("public.huge", 100 * GB, 89 * GB, false)));       // 11 %, 11 GB
    assertThat(f).hasSize(2).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void missingStatisticsGiveOnlyAnInfoToAnalyze() {
    var f = t.findings(snap().tableBloat(tableBloat("public.orders", 1000 * MB, 50 * MB, true)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.remediation()).contains("ANALYZE public.orders");
    });
  }

  @Test
  void notEvaluatedWhenEstimatesUnavailable() {
    RuleResult r = t.result(snap().unavailable("tableBloat", "timed out"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("timed out");
  }
}
