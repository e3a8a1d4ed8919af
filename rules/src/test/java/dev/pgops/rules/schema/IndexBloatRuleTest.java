package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.GB;
import static dev.pgops.rules.testing.SchemaFixtures.MB;
import static dev.pgops.rules.testing.SchemaFixtures.indexBloat;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class IndexBloatRuleTest {
  private final RuleTester t = RuleTester.of(new IndexBloatRule());

  @Test
  void reportsBloatedIndexWithReindexConcurrently() {
    var f = t.findings(snap().indexBloat(indexBloat("public.orders_created_idx", "orders", 400 * MB, 150 * MB, false)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.orders_created_idx", "62 %");
      assertThat(x.remediation()).contains("REINDEX INDEX CONCURRENTLY public.orders_created_idx;");
    });
  }

  @Test
  void ignoresJustBelowThresholds() {
    var f = t.findings(snap()
        .indexBloat(indexBloat("public.a_idx", "a", 1000 * MB, 510 * MB, false))  // 49 %
        .indexBloat(indexBloat("public.b_idx", "b", 190 * MB, 91 * MB, false)));  // 52 %, 99 MB
    assertThat(f).isEmpty();
  }

  @Test
  void highNeedsBothRatioAndSize() {
    var f = t.findings(snap()
        .indexBloat(indexBloat("public.big_idx", "a", 4 * GB, 1 * GB, false))        // 75 %, 3 GB
        .indexBloat(indexBloat("public.small_idx", "a", 1 * GB, 100 * MB, false)));  // 90 %, 0.9 GB
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.HIGH, Severity.MEDIUM);
  }

  @Test
  void beforePg12SuggestsBuildAndSwap() {
    var f = t.findings(snap().version(110020).indexBloat(indexBloat("public.a_idx", "a", 400 * MB, 100 * MB, false)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.remediation()).doesNotContain("REINDEX INDEX CONCURRENTLY").contains("DROP INDEX CONCURRENTLY public.a_idx");
    });
  }

  @Test
  void notEvaluatedWhenEstimatesUnavailable() {
    RuleResult r = t.result(snap().unavailable("indexBloat", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
