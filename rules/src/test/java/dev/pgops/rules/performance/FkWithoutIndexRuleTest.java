package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Fixtures.foreignKey;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class FkWithoutIndexRuleTest {
  private final RuleTester t = RuleTester.of(new FkWithoutIndexRule());

  @Test
  void reportsUnindexedForeignKeyOnLargeChild() {
    var f = t.findings(snap()
        .table("public.order_items", x -> x.estimatedRows = 2_000_000)
        .constraint(foreignKey("public.order_items", "order_items_order_id_fkey", List.of("order_id"), "public.orders", List.of("id"))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.location().key()).isEqualTo("constraint:public.order_items_order_id_fkey@order_items");
      assertThat(x.remediation()).contains("CREATE INDEX CONCURRENTLY order_items_order_id_idx ON public.order_items (order_id);")
          .contains("DROP INDEX CONCURRENTLY public.order_items_order_id_idx");
    });
  }

  @Test
  void lowBelowRowThreshold() {
    var f = t.findings(snap()
        .table("public.order_items", x -> x.estimatedRows = 9_999)
        .constraint(foreignKey("public.order_items", "fk", List.of("order_id"), "public.orders", List.of("id"))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void leadingColumnsInAnyOrderSupport() {
    var f = t.findings(snap()
        .table("public.c", x -> x.estimatedRows = 100_000)
        .constraint(foreignKey("public.c", "c_fk", List.of("a", "b"), "public.p", List.of("a", "b")))
        .index("public.c_b_a_x", "c", i -> i.keys("b", "a", "x")));
    assertThat(f).isEmpty();
  }

  @Test
  void partialExpressionNonLeadingAndInvalidIndexesDoNotCount() {
    var f = t.findings(snap()
        .table("public.c", x -> x.estimatedRows = 100_000)
        .constraint(foreignKey("public.c", "c_fk", List.of("p_id"), "public.p", List.of("id")))
        .index("public.c_partial", "c", i -> { i.keys("p_id"); i.predicate = "(p_id IS NOT NULL)"; })
        .index("public.c_expr", "c", i -> i.keys("(p_id + 0)"))
        .index("public.c_second", "c", i -> i.keys("x", "p_id"))
        .index("public.c_invalid", "c", i -> { i.keys("p_id"); i.valid = false; }));
    assertThat(f).hasSize(1);
  }

  @Test
  void partitionedParentIsLeftToItsPartitions() {
    var f = t.findings(snap()
        .table("public.c", x -> { x.kind = "p"; x.estimatedRows = 0; })
        .constraint(foreignKey("public.c", "c_fk", List.of("p_id"), "public.p", List.of("id"))));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutConstraints() {
    assertThat(t.result(snap().unavailable("constraints", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
