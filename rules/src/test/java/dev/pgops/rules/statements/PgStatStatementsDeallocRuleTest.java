package dev.pgops.rules.statements;

import static dev.pgops.rules.testing.Snap.snap;
import static dev.pgops.rules.testing.StatementFixtures.statement;
import static dev.pgops.rules.testing.StatementFixtures.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PgStatStatementsDeallocRuleTest {
  private final RuleTester t = RuleTester.of(new PgStatStatementsDeallocRule());

  @Test
  void reportsDeallocationsSinceTheReset() {
    var f = t.findings(snap().statements(statements(st -> { st.deallocations = 1234L; st.entries = 4990; st.max = 5000; })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.location().key()).isEqualTo("setting:pg_stat_statements.max");
      assertThat(x.message()).contains("pg_stat_statements.max too small: statistics are being evicted, the window is unreliable")
          .contains("1234 deallocations");
      assertThat(x.remediation()).contains("ALTER SYSTEM SET pg_stat_statements.max = 10000").contains("restart");
    });
  }

  @Test
  void reportsNinetyPercentFullWithoutDeallocationCounter() {
    var f = t.findings(snap().statements(statements(st -> { st.extensionVersion = "1.8"; st.statsReset = null;
      st.deallocations = null; st.entries = 4500; st.max = 5000; })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("4500 of 5000 entries in use (90 %)");
      assertThat(x.evidence()).containsEntry("deallocations", "unknown (extension before 1.9)");
    });
  }

  @Test
  void justBelowNinetyPercentWithoutDeallocationsIsClean() {
    assertThat(t.findings(snap().statements(statements(st -> { st.deallocations = 0L; st.entries = 4499; st.max = 5000; }))))
        .isEmpty();
  }

  @Test
  void notEvaluatedWithoutStatements() {
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
