package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.MB;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class IndexLargerThanTableRuleTest {
  private final RuleTester t = RuleTester.of(new IndexLargerThanTableRule());

  @Test
  void reportsTableWhoseIndexesDwarfIt() {
    var f = t.findings(snap()
        .table("public.tags", x -> { x.tableBytes = 10 * MB; x.indexesBytes = 35 * MB; })
        .index("public.tags_a_idx", "tags", i -> i.sizeBytes = 20 * MB)
        .index("public.tags_b_idx", "tags", i -> i.sizeBytes = 15 * MB));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("public.tags", "3.5 times");
      assertThat(x.evidence().get("largestIndexes")).startsWith("tags_a_idx 20.0 MB");
    });
  }

  @Test
  void smallTablesRatioAtThresholdAndToastHeavyTablesPass() {
    var f = t.findings(snap()
        .table("public.tiny", x -> { x.tableBytes = 2 * MB; x.indexesBytes = 50 * MB; })
        .table("public.even", x -> { x.tableBytes = 10 * MB; x.indexesBytes = 20 * MB; })
        .table("public.docs", x -> { x.tableBytes = 3 * MB; x.toastBytes = 500 * MB; x.indexesBytes = 30 * MB; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
