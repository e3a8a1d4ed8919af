package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class XidWraparoundTableRuleTest {
  private final RuleTester t = RuleTester.of(new XidWraparoundTableRule());

  @Test
  void reportsOldTableWithFreezeRemediation() {
    var f = t.findings(snap().table("public.Orders", x -> x.xidAge = 1_200_000_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.location()).isEqualTo(Location.object("table", "public", "Orders"));
      assertThat(x.message()).contains("public.Orders", "1.2 B");
      assertThat(x.remediation()).contains("VACUUM (FREEZE, VERBOSE) public.\"Orders\";");
    });
  }

  @Test
  void quietBelowTheLevelAndSkipsPartitionedParents() {
    var f = t.findings(snap()
        .table("public.young", x -> x.xidAge = 299_000_000)
        .table("public.parent", x -> { x.kind = "p"; x.xidAge = 1_500_000_000; }));
    assertThat(f).isEmpty();
  }

  @Test
  void perTableFreezeMaxAgeLowersTheMediumLevel() {
    var f = t.findings(snap().table("public.hot", x -> {
      x.xidAge = 200_000_000;
      x.options.add("autovacuum_freeze_max_age=100000000");
    }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(snap().unavailable("tables", "timeout")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
