package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.sequence;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class IntegerKeyNearOverflowRuleTest {
  private final RuleTester t = RuleTester.of(new IntegerKeyNearOverflowRule());
  private static final long INT_MAX = Integer.MAX_VALUE;

  @Test
  void reportsIntegerColumnFedByBigintSequence() {
    var f = t.findings(snap().sequence(sequence("public.orders_id_seq", "bigint", 1_200_000_000L, 1, Long.MAX_VALUE, 1,
        false, "public.orders.id", "integer")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.location().key()).isEqualTo("column:public.orders.id@orders");
      assertThat(x.message()).contains("public.orders.id", "55 %", "2147483647");
      assertThat(x.remediation()).contains("ADD COLUMN id_new bigint", "ACCESS EXCLUSIVE", "CONCURRENTLY")
          .doesNotContain("ALTER SEQUENCE");
    });
  }

  @Test
  void justBelowHalfAndBigintColumnsPass() {
    var f = t.findings(snap()
        .sequence(sequence("public.a_id_seq", "integer", (long) (INT_MAX * 0.499), 1, INT_MAX, 1, false, "public.a.id", "integer"))
        .sequence(sequence("public.b_id_seq", "bigint", 9_000_000_000L, 1, Long.MAX_VALUE, 1, false, "public.b.id", "bigint"))
        .sequence(sequence("public.free_seq", "integer", INT_MAX - 1, 1, INT_MAX, 1, false, null, null)));
    assertThat(f).isEmpty();
  }

  @Test
  void criticalAndSmallint() {
    var f = t.findings(snap()
        .sequence(sequence("public.a_id_seq", "integer", (long) (INT_MAX * 0.9), 1, INT_MAX, 1, false, "public.a.id", "integer"))
        .sequence(sequence("public.s_id_seq", "smallint", 20_000L, 1, Short.MAX_VALUE, 1, false, "public.s.id", "smallint")));
    assertThat(f).extracting(x -> x.severity()).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.HIGH);
    assertThat(f).filteredOn(x -> x.severity() == Severity.CRITICAL).singleElement()
        .satisfies(x -> assertThat(x.remediation()).contains("ALTER SEQUENCE public.a_id_seq AS bigint;"));
  }

  @Test
  void notEvaluatedWhenValuesUnreadableOrSectionMissing() {
    RuleResult r = t.result(snap().sequence(sequence("public.a_id_seq", "integer", null, 1, INT_MAX, 1, false, "public.a.id", "integer")));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(t.result(snap().unavailable("sequences", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
