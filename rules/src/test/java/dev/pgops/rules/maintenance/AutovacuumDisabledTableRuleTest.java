package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutovacuumDisabledTableRuleTest {
  private final RuleTester t = RuleTester.of(new AutovacuumDisabledTableRule());

  @Test
  void reportsSmallTableAsMediumWithResetRemediation() {
    var f = t.findings(snap().table("public.events", x -> x.options.add("autovacuum_enabled=false")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.events", "autovacuum_enabled=false");
      assertThat(x.remediation()).contains("ALTER TABLE public.events RESET (autovacuum_enabled);",
          "SET (autovacuum_enabled = false)");
    });
  }

  @Test
  void highForLargeOrDeadHeavyTables() {
    var f = t.findings(snap()
        .table("public.big", x -> { x.options.add("autovacuum_enabled=off"); x.estimatedRows = 2_000_000; })
        .table("public.dirty", x -> {
          x.options.add("toast.autovacuum_enabled=false");
          x.liveTuples = 70_000;
          x.deadTuples = 30_000;
        }));
    assertThat(f).extracting(x -> x.severity()).containsOnly(Severity.HIGH);
    assertThat(f.get(1).remediation()).contains("RESET (toast.autovacuum_enabled)");
  }

  @Test
  void deadShareOfATinyTableDoesNotEscalate() {
    var f = t.findings(snap().table("public.tiny", x -> {
      x.options.add("autovacuum_enabled=false");
      x.liveTuples = 10;
      x.deadTuples = 90;
    }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void quietWhenEnabledOrUnset() {
    var f = t.findings(snap()
        .table("public.a", x -> x.options.add("autovacuum_enabled=true"))
        .table("public.b", x -> x.options.add("fillfactor=90")));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
