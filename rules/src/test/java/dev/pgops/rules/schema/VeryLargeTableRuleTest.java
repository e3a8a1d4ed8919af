package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.GB;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class VeryLargeTableRuleTest {
  private final RuleTester t = RuleTester.of(new VeryLargeTableRule());

  @Test
  void reportsLargeTablesBySizeOrRows() {
    var f = t.findings(snap()
        .table("public.events", x -> { x.tableBytes = 6 * GB; x.liveTuples = 1_000_000; })
        .table("public.clicks", x -> { x.tableBytes = 2 * GB; x.estimatedRows = 60_000_000; })
        .table("public.blobs", x -> { x.tableBytes = 1 * GB; x.toastBytes = 120 * GB; }));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactlyInAnyOrder(
        "table:public.events=INFO", "table:public.clicks=LOW", "table:public.blobs=LOW");
    assertThat(f).filteredOn(x -> x.severity() == Severity.LOW).allSatisfy(x ->
        assertThat(x.message()).contains("partitioning candidate"));
  }

  @Test
  void belowThresholdsAndPartitionsPass() {
    var f = t.findings(snap()
        .table("public.mid", x -> { x.tableBytes = 5 * GB; x.liveTuples = 25_000_000; x.estimatedRows = 25_000_000; })
        .table("public.events_2026", x -> { x.partition = true; x.tableBytes = 200 * GB; })
        .table("public.events", x -> { x.kind = "p"; x.tableBytes = 0; x.estimatedRows = 90_000_000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
