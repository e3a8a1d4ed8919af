package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.MaintenanceFixtures;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutovacuumTooFrequentRuleTest {
  private final RuleTester t = RuleTester.of(new AutovacuumTooFrequentRule());

  @Test
  void reportsTableVacuumedManyTimesADay() {
    // 30-day window: 600 runs = 20 a day.
    var f = t.findings(snap().table("public.counters", x -> {
      x.tableBytes = 50L << 20;
      x.autovacuumCount = 590;
      x.vacuumCount = 10;
    }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("public.counters", "20.0 times a day");
      assertThat(x.evidence()).containsEntry("statsWindow", "30 d 0 h").containsEntry("perDay", "20.0");
    });
  }

  @Test
  void quietAtTwelveADayAndForSmallTables() {
    var f = t.findings(snap()
        .table("public.ok", x -> { x.tableBytes = 50L << 20; x.autovacuumCount = 360; })
        .table("public.queue", x -> { x.tableBytes = 1L << 20; x.autovacuumCount = 5000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWhenTheStatisticsWindowIsUnknown() {
    var s = MaintenanceFixtures.withStatsOrigin(snap().table("public.t", x -> x.autovacuumCount = 5000).build(), null, null);
    RuleResult r = t.result(s);
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("statistics window unknown");
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
