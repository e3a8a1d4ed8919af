package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.MaintenanceFixtures;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeverAnalyzedRuleTest {
  private final RuleTester t = RuleTester.of(new NeverAnalyzedRule());

  private List<Finding> neverReset(Snap s) {
    RuleResult r = t.result(MaintenanceFixtures.withStatsOrigin(s.build(), null, Snap.NOW.minusSeconds(60L * 86400)));
    assertThat(r.evaluated()).isTrue();
    return r.findings();
  }

  @Test
  void reportsTableWithDataAndNoAnalyze() {
    var f = neverReset(snap().table("public.Orders", x -> { x.lastAutoanalyze = null; x.estimatedRows = 5000; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.Orders", "never analyzed");
      assertThat(x.remediation()).contains("ANALYZE public.\"Orders\";", "tablename = 'Orders'");
    });
  }

  @Test
  void quietForEmptyOrAnalyzedTables() {
    var f = neverReset(snap()
        .table("public.empty", x -> { x.lastAutoanalyze = null; x.estimatedRows = 0; x.liveTuples = 0; x.tableBytes = 0; })
        .table("public.analyzed", x -> { x.lastAutoanalyze = null; x.lastAnalyze = Snap.NOW.minusSeconds(60); }));
    assertThat(f).isEmpty();
  }

  @Test
  void sizeAloneCountsAsData() {
    var f = neverReset(snap().table("public.t", x -> {
      x.lastAutoanalyze = null; x.estimatedRows = -1; x.liveTuples = 0; x.tableBytes = 64 * 1024;
    }));
    assertThat(f).hasSize(1);
  }

  @Test
  void afterAStatisticsResetTheFindingIsLowAndSaysSo() {
    var f = t.findings(snap().table("public.t", x -> x.lastAutoanalyze = null));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("statistics were reset 30 d 0 h ago");
    });
  }

  @Test
  void partitionedParentIsLowAndOnlyWhenPartitionsHoldData() {
    var withData = neverReset(snap()
        .table("public.events", x -> { x.kind = "p"; x.lastAutoanalyze = null; x.estimatedRows = 0; x.liveTuples = 0; })
        .table("public.events_2026", x -> x.partition = true));
    assertThat(withData).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("Partitioned table public.events");
    });
    var analyzedParent = neverReset(snap()
        .table("public.events", x -> { x.kind = "p"; x.lastAutoanalyze = null; x.lastAnalyze = Snap.NOW; })
        .table("public.events_2026", x -> x.partition = true));
    assertThat(analyzedParent).isEmpty();
    var noPartitions = neverReset(snap().table("public.events", x -> { x.kind = "p"; x.lastAutoanalyze = null; }));
    assertThat(noPartitions).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
