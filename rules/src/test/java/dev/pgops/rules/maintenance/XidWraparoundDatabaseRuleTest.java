package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class XidWraparoundDatabaseRuleTest {
  private final RuleTester t = RuleTester.of(new XidWraparoundDatabaseRule());

  @Test
  void reportsAgeAboveOneAndAHalfTimesFreezeMaxAge() {
    var f = t.findings(snap().setting("autovacuum_freeze_max_age", "200000000")
        .database(d -> { d.name = "app"; d.xidAge = 400_000_000; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("app", "400 M", "19 %");
      assertThat(x.evidence()).containsEntry("xidAge", "400000000").containsEntry("mediumAbove", "300000000");
      assertThat(x.remediation()).contains("VACUUM (FREEZE, VERBOSE)", "relfrozenxid");
    });
  }

  @Test
  void quietJustBelowTheMediumLevel() {
    assertThat(t.findings(snap().database(d -> d.xidAge = 300_000_000))).isEmpty();
  }

  @Test
  void usesTheServersFreezeMaxAge() {
    // 500 M × 1.5 = 750 M: 400 M is fine on this server.
    assertThat(t.findings(snap().setting("autovacuum_freeze_max_age", "500000000")
        .database(d -> d.xidAge = 400_000_000))).isEmpty();
  }

  @Test
  void escalatesToHighAndCritical() {
    var f = t.findings(snap().setting("vacuum_failsafe_age", "1600000000")
        .database(d -> { d.name = "a"; d.xidAge = 1_100_000_000; })
        .database(d -> { d.name = "b"; d.xidAge = 1_600_000_000; }));
    assertThat(f).extracting(x -> x.severity()).containsExactly(Severity.HIGH, Severity.CRITICAL);
  }

  @Test
  void beforePg14TheCriticalLevelIsTheThreshold() {
    var f = t.findings(snap().version(130010).database(d -> d.xidAge = 1_650_000_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.evidence().get("criticalFrom")).contains("1600000000", "criticalAge");
    });
  }

  @Test
  void notEvaluatedWithoutDatabases() {
    RuleResult r = t.result(snap().unavailable("databases", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("permission denied");
  }
}
