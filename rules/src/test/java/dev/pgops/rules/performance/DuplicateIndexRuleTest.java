package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateIndexRuleTest {
  private final RuleTester t = RuleTester.of(new DuplicateIndexRule());

  @Test
  void reportsPlainCopyOfPrimaryKeyIndexAndKeepsTheKey() {
    var f = t.findings(snap()
        .index("public.orders_pkey", "orders", i -> { i.keys("id"); i.primary = true; i.unique = true; i.scans = 0; })
        .index("public.orders_id_idx", "orders", i -> { i.keys("id"); i.scans = 500; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.location().key()).isEqualTo("index:public.orders_id_idx");
      assertThat(x.message()).contains("duplicates public.orders_pkey");
      assertThat(x.remediation()).contains("DROP INDEX CONCURRENTLY public.orders_id_idx").contains("rollback");
    });
  }

  @Test
  void plainDuplicatesKeepTheMostScanned() {
    var f = t.findings(snap()
        .index("public.a_idx", "orders", i -> { i.keys("customer_id"); i.scans = 1; })
        .index("public.b_idx", "orders", i -> { i.keys("customer_id"); i.scans = 900; }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.location().key()).isEqualTo("index:public.a_idx"));
  }

  @Test
  void neverReportsTwoConstraintIndexesOrDifferentDefinitions() {
    var f = t.findings(snap()
        .index("public.t_pkey", "t", i -> { i.keys("id"); i.primary = true; i.unique = true; })
        .index("public.t_id_key", "t", i -> { i.keys("id"); i.unique = true; i.constraintType = "u"; })
        .index("public.t_a_idx", "t", i -> i.keys("a"))
        .index("public.t_a_partial", "t", i -> { i.keys("a"); i.predicate = "(deleted_at IS NULL)"; })
        .index("public.t_a_pattern", "t", i -> { i.keys("a"); i.opclasses = List.of("text_pattern_ops"); })
        .index("public.t_a_hash", "t", i -> { i.keys("a"); i.method = "hash"; })
        .index("public.t_a_incl", "t", i -> { i.keys("a"); i.includeColumns = List.of("b"); })
        .index("public.t_a_invalid", "t", i -> { i.keys("a"); i.valid = false; })
        .index("public.u_a_idx", "u", i -> i.keys("a")));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWhenIndexesUnavailable() {
    RuleResult r = t.result(snap().unavailable("indexes", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
