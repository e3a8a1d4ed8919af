package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.sequence;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SequenceNearOverflowRuleTest {
  private final RuleTester t = RuleTester.of(new SequenceNearOverflowRule());
  private static final long INT_MAX = Integer.MAX_VALUE;

  @Test
  void reportsIntegerSequenceByOwnRange() {
    var f = t.findings(snap().sequence(sequence("public.ticket_seq", "integer", 1_700_000_000L, 1, INT_MAX, 1, false, null, null)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.ticket_seq", "79 %");
      assertThat(x.remediation()).contains("ALTER SEQUENCE public.ticket_seq AS bigint;");
    });
  }

  @Test
  void justBelowThresholdPasses() {
    var f = t.findings(snap().sequence(sequence("public.s", "integer", (long) (INT_MAX * 0.749), 1, INT_MAX, 1, false, null, null)));
    assertThat(f).isEmpty();
  }

  @Test
  void escalatesAndHonoursDescendingAndCycle() {
    var f = t.findings(snap()
        .sequence(sequence("public.high", "integer", (long) (INT_MAX * 0.95), 1, INT_MAX, 1, false, null, null))
        .sequence(sequence("public.crit", "integer", (long) (INT_MAX * 0.99), 1, INT_MAX, 1, false, null, null))
        .sequence(sequence("public.down", "integer", -2_000_000_000L, Integer.MIN_VALUE, -1, -1, false, null, null))
        .sequence(sequence("public.up_from_neg", "integer", -2_000_000_000L, Integer.MIN_VALUE, -1, 1, false, null, null))
        .sequence(sequence("public.wraps", "smallint", 32_000L, 1, Short.MAX_VALUE, 1, true, null, null)));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactlyInAnyOrder(
        "sequence:public.high=HIGH", "sequence:public.crit=CRITICAL", "sequence:public.down=HIGH",
        "sequence:public.wraps=LOW");
  }

  @Test
  void leavesIntegerColumnsToTheIntegerKeyRule() {
    var f = t.findings(snap().sequence(sequence("public.orders_id_seq", "bigint", (long) (INT_MAX * 0.99), 1, Long.MAX_VALUE, 1,
        false, "public.orders.id", "integer")));
    assertThat(f).isEmpty();
  }

  @Test
  void unknownValuesAreSkippedButAllUnknownIsNotEvaluated() {
    var mixed = t.findings(snap()
        .sequence(sequence("public.a", "bigint", null, 1, Long.MAX_VALUE, 1, false, null, null))
        .sequence(sequence("public.b", "bigint", 5L, 1, Long.MAX_VALUE, 1, false, null, null)));
    assertThat(mixed).isEmpty();
    RuleResult r = t.result(snap().sequence(sequence("public.a", "bigint", null, 1, Long.MAX_VALUE, 1, false, null, null)));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("sequence values not readable");
    assertThat(t.findings(snap())).isEmpty();
  }

  @Test
  void notEvaluatedWithoutSequences() {
    assertThat(t.result(snap().unavailable("sequences", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
