package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.MaintenanceFixtures.prepared;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PreparedTransactionOldRuleTest {
  private final RuleTester t = RuleTester.of(new PreparedTransactionOldRule());

  @Test
  void reportsOldPreparedTransactionWithQuotedGid() {
    var f = t.findings(snap().activity(a -> a.preparedXacts.add(prepared("tx'42", 600))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("'tx''42'", "10 min");
      assertThat(x.remediation()).contains("COMMIT PREPARED 'tx''42';", "ROLLBACK PREPARED 'tx''42';");
    });
  }

  @Test
  void quietAtFiveMinutes() {
    assertThat(t.findings(snap().activity(a -> a.preparedXacts.add(prepared("tx1", 300))))).isEmpty();
  }

  @Test
  void highAfterAnHour() {
    var f = t.findings(snap().activity(a -> a.preparedXacts.add(prepared("tx1", 3601))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
