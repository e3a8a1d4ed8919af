package dev.pgops.rules.plans;

import static dev.pgops.rules.plans.PlanFixtures.clean;
import static dev.pgops.rules.plans.PlanFixtures.edited;
import static dev.pgops.rules.plans.PlanFixtures.node;
import static dev.pgops.rules.plans.PlanFixtures.plan;
import static dev.pgops.rules.plans.PlanFixtures.with;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeqScanSelectiveFilterRuleTest {
  private final RuleTester t = RuleTester.of(new SeqScanSelectiveFilterRule());

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void suggestsAnIndexFromTheParsedFilter(int major) {
    var f = t.findings(with("pg" + major + "-seq-scan-selective.json"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("Seq Scan on public.orders", "read 200 k rows", "kept 200");
      assertThat(x.remediation()).contains("CREATE INDEX CONCURRENTLY ON public.orders (status);");
      assertThat(x.evidence()).containsEntry("rowsRemoved", "199800");
    });
  }

  @Test
  void anExistingIndexOnTheColumnIsNamedInsteadOfSuggestedAgain() {
    var f = t.findings(with("pg17-seq-scan-selective.json")
        .index("public.orders_status_idx", "orders", i -> i.keys("status"))
        .index("public.orders_other_idx", "other", i -> i.keys("status")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.evidence()).containsEntry("existingIndex", "public.orders_status_idx");
      assertThat(x.remediation()).contains("public.orders_status_idx already starts with status", "ANALYZE public.orders;")
          .doesNotContain("CREATE INDEX");
    });
    // a partial index on the column does not count: the suggestion stays
    var partial = t.findings(with("pg17-seq-scan-selective.json")
        .index("public.orders_status_open_idx", "orders", i -> { i.keys("status"); i.predicate = "(status = 'open'::text)"; }));
    assertThat(partial).singleElement().satisfies(x -> assertThat(x.remediation()).contains("CREATE INDEX CONCURRENTLY"));
  }

  @Test
  void keepingAThirdOfTheRowsIsNotSelective() {
    assertThat(t.findings(clean())).isEmpty();
    // removed = 2 × kept exactly: not more than two thirds removed
    var near = edited("pg17-seq-scan-selective.json", top -> { node(top, "0").put("Actual Rows", 66600); node(top, "0").put("Rows Removed by Filter", 133200); });
    assertThat(t.findings(snap().plan(plan("near", near)))).isEmpty();
  }

  @Test
  void complexFiltersGetNoDdl() {
    assertThat(Filters.indexColumns("((status = 'open'::text) OR (city = 'c1'::text))")).isEmpty();
    assertThat(Filters.indexColumns("(lower(status) = 'x'::text)")).isEmpty();
    assertThat(Filters.indexColumns("((orders.created >= '2024-01-01'::date) AND (orders.city = 'c1'::text))")).containsExactly("city", "created");
  }

  @Test
  void notEvaluatedWithoutPlans() {
    RuleResult r = t.result(snap().unavailable("plans", "no statements to explain"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("no statements to explain");
  }
}
