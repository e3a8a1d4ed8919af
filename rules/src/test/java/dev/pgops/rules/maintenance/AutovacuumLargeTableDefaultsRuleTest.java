package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutovacuumLargeTableDefaultsRuleTest {
  private final RuleTester t = RuleTester.of(new AutovacuumLargeTableDefaultsRule());

  @Test
  void reportsLargeTableOnGlobalDefaults() {
    var f = t.findings(snap().setting("autovacuum_vacuum_scale_factor", "0.2").setting("autovacuum_vacuum_threshold", "50")
        .table("public.orders", x -> x.estimatedRows = 50_000_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("public.orders", "50.0 M", "10.0 M dead tuples");
      assertThat(x.evidence()).containsEntry("deadTuplesToTrigger", "10000050")
          .containsEntry("deadTuplesToTriggerAfterFix", "500050");
      assertThat(x.remediation()).contains("ALTER TABLE public.orders SET (autovacuum_vacuum_scale_factor = 0.01);",
          "RESET (autovacuum_vacuum_scale_factor)");
    });
  }

  @Test
  void quietForSmallTunedOrGloballyTunedTables() {
    assertThat(t.findings(snap()
        .table("public.small", x -> x.estimatedRows = 1_000_000)
        .table("public.tuned", x -> { x.estimatedRows = 5_000_000; x.options.add("autovacuum_vacuum_scale_factor=0.01"); })
        .table("public.parent", x -> { x.kind = "p"; x.estimatedRows = 5_000_000; }))).isEmpty();
    assertThat(t.findings(snap().setting("autovacuum_vacuum_scale_factor", "0.05")
        .table("public.orders", x -> x.estimatedRows = 50_000_000))).isEmpty();
  }

  @Test
  void pg18MaxThresholdCapsTheTrigger() {
    var f = t.findings(snap().version(180000).setting("autovacuum_vacuum_max_threshold", "100000000")
        .table("public.huge", x -> x.estimatedRows = 2_000_000_000L));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.evidence()).containsEntry("deadTuplesToTrigger", "100000000"));
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
