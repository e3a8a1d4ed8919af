package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VacuumStaleRuleTest {
  private final RuleTester t = RuleTester.of(new VacuumStaleRule());

  @Test
  void reportsStaleTableWithManyDeadTuples() {
    var f = t.findings(snap().table("public.orders", x -> {
      x.deadTuples = 300_000;
      x.lastAutovacuum = Snap.NOW.minus(Duration.ofDays(10));
    }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.orders", "300 k dead tuples", "10 d 0 h ago");
    });
  }

  @Test
  void quietWhenRecentOrFewDeadTuples() {
    var f = t.findings(snap()
        .table("public.recent", x -> { x.deadTuples = 900_000; x.lastVacuum = Snap.NOW.minus(Duration.ofDays(6)); })
        .table("public.few", x -> { x.deadTuples = 249_999; x.lastVacuum = Snap.NOW.minus(Duration.ofDays(60)); }));
    assertThat(f).isEmpty();
  }

  @Test
  void highAfterTwentyFiveDaysOrHalfAMillionDeadTuples() {
    var f = t.findings(snap()
        .table("public.old", x -> { x.deadTuples = 260_000; x.lastVacuum = Snap.NOW.minus(Duration.ofDays(26)); })
        .table("public.dirty", x -> { x.deadTuples = 500_000; x.lastVacuum = Snap.NOW.minus(Duration.ofDays(8)); }));
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.HIGH, Severity.HIGH);
  }

  @Test
  void neverVacuumedCountsFromTheStatisticsWindow() {
    assertThat(t.findings(snap().statsWindow(Duration.ofDays(3))
        .table("public.t", x -> x.deadTuples = 300_000))).isEmpty();
    var f = t.findings(snap().statsWindow(Duration.ofDays(30)).table("public.t", x -> x.deadTuples = 300_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("never (statistics cover 30 d 0 h)");
    });
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
