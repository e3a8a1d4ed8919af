package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.GB;
import static dev.pgops.rules.testing.SchemaFixtures.MB;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UnloggedTableRuleTest {
  private final RuleTester t = RuleTester.of(new UnloggedTableRule());

  @Test
  void reportsUnloggedTablesLowWhenLarge() {
    var f = t.findings(snap()
        .table("public.cache", x -> { x.persistence = "u"; x.tableBytes = 10 * MB; })
        .table("public.staging", x -> { x.persistence = "u"; x.tableBytes = 2 * GB; }));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactlyInAnyOrder(
        "table:public.cache=INFO", "table:public.staging=LOW");
    assertThat(f).allSatisfy(x -> assertThat(x.remediation()).contains("SET LOGGED", "ACCESS EXCLUSIVE"));
  }

  @Test
  void loggedTablesPass() {
    assertThat(t.findings(snap().table("public.orders", x -> x.tableBytes = 5 * GB))).isEmpty();
  }

  @Test
  void standbyIsMentioned() {
    var f = t.findings(snap().inRecovery(true).table("public.cache", x -> x.persistence = "u"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("standby");
    });
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
