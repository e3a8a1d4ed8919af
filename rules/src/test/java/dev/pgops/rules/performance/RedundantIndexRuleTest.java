package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedundantIndexRuleTest {
  private final RuleTester t = RuleTester.of(new RedundantIndexRule());

  @Test
  void reportsLeadingPrefix() {
    var f = t.findings(snap()
        .index("public.orders_customer_idx", "orders", i -> i.keys("customer_id"))
        .index("public.orders_customer_created_idx", "orders", i -> i.keys("customer_id", "created_at")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.location().key()).isEqualTo("index:public.orders_customer_idx");
      assertThat(x.evidence()).containsEntry("coveredBy", "public.orders_customer_created_idx");
      assertThat(x.remediation()).contains("DROP INDEX CONCURRENTLY public.orders_customer_idx");
    });
  }

  @Test
  void noFindingForUniqueNonPrefixPredicateOpclassOrNonBtree() {
    var f = t.findings(snap()
        .index("public.t_a_key", "t", i -> { i.keys("a"); i.unique = true; i.constraintType = "u"; })
        .index("public.t_b_idx", "t", i -> i.keys("b"))                       // not leading
        .index("public.t_a_part", "t", i -> { i.keys("a"); i.predicate = "(x > 0)"; })
        .index("public.t_a_pat", "t", i -> { i.keys("a"); i.opclasses = List.of("text_pattern_ops"); })
        .index("public.t_lower", "t", i -> i.keys("lower(c)"))
        .index("public.t_c_idx", "t", i -> i.keys("c", "d"))
        .index("public.t_e_idx", "t", i -> i.keys("e"))
        .index("public.t_e_gist", "t", i -> { i.keys("e", "f"); i.method = "gist"; })
        .index("public.t_g_incl", "t", i -> { i.keys("g"); i.includeColumns = List.of("z"); })
        .index("public.t_g_h", "t", i -> i.keys("g", "h"))
        .index("public.t_a_b", "t", i -> i.keys("a", "b")));
    assertThat(f).isEmpty();
  }

  @Test
  void samePredicateStillRedundant() {
    var f = t.findings(snap()
        .index("public.t_a", "t", i -> { i.keys("a"); i.predicate = "(x > 0)"; })
        .index("public.t_a_b", "t", i -> { i.keys("a", "b"); i.predicate = "(x > 0)"; }));
    assertThat(f).hasSize(1);
  }

  @Test
  void notEvaluatedWhenIndexesUnavailable() {
    assertThat(t.result(snap().unavailable("indexes", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
