package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class DisabledTriggerRuleTest {
  private final RuleTester t = RuleTester.of(new DisabledTriggerRule());

  @Test
  void reportsTableWithDisabledTriggers() {
    var f = t.findings(snap().table("public.orders", x -> x.disabledTriggers = 2));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.orders", "2 disabled triggers");
      assertThat(x.remediation()).contains("'public.orders'::regclass", "ENABLE TRIGGER");
    });
  }

  @Test
  void noDisabledTriggersPass() {
    assertThat(t.findings(snap().table("public.orders", x -> x.disabledTriggers = 0))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
