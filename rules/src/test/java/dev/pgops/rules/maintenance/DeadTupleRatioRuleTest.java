package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import org.junit.jupiter.api.Test;

class DeadTupleRatioRuleTest {
  private final RuleTester t = RuleTester.of(new DeadTupleRatioRule());

  @Test
  void reportsHighDeadShareWithVacuumTimes() {
    var f = t.findings(snap().table("public.orders", x -> {
      x.liveTuples = 3_000_000;
      x.deadTuples = 2_100_000;
      x.lastAutovacuum = Snap.NOW.minusSeconds(12 * 86400);
    }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.orders", "41 %", "2.1 M of 5.1 M", "12 d 0 h ago");
      assertThat(x.evidence()).containsKeys("lastVacuum", "lastAutovacuum").doesNotContainKey("statsWindow");
      assertThat(x.remediation()).contains("VACUUM (VERBOSE, ANALYZE) public.orders;");
    });
  }

  @Test
  void quietAtTwentyPercentAndOnTinyTables() {
    var f = t.findings(snap()
        .table("public.a", x -> { x.liveTuples = 80_000; x.deadTuples = 20_000; })
        .table("public.tiny", x -> { x.liveTuples = 100; x.deadTuples = 9_000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void highOnlyAboveHalfDeadOnGigabyteTables() {
    var f = t.findings(snap()
        .table("public.big", x -> { x.liveTuples = 400_000; x.deadTuples = 600_000; x.tableBytes = 2L << 30; })
        .table("public.small", x -> { x.liveTuples = 400_000; x.deadTuples = 600_000; x.tableBytes = 100L << 20; }));
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.HIGH, Severity.MEDIUM);
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
