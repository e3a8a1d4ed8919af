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

class StatementsWindowShortRuleTest {
  private final RuleTester t = RuleTester.of(new StatementsWindowShortRule());

  @Test
  void reportsRecentStatementsReset() {
    var f = t.findings(snap().statements(statements(st -> st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofHours(5)))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("reset 5 h 0 min ago").contains("statement-dominant");
      assertThat(x.location().key()).isEqualTo("extension:pg_stat_statements");
    });
  }

  @Test
  void eightDaysIsLongEnoughAndSixIsNot() {
    assertThat(t.findings(snap().statements(statements(st -> st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofDays(8))))))
        .isEmpty();
    assertThat(t.findings(snap().statements(statements(st -> st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofDays(6))))))
        .hasSize(1);
  }

  @Test
  void followsTheConfiguredMinimumWhenTheDatabaseWindowDecidesIt() {
    var config = new dev.pgops.rules.PgopsConfig(java.util.Map.of(), java.util.List.of(), 1);
    // database window 30 d is long under a 1-day minimum; a 40-day statements window is longer still: not short
    assertThat(t.config(config).findings(snap().statements(statements(st ->
        st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofDays(40)))))).isEmpty();
    // database window 12 h is short under a 1-day minimum, and a statements window of 6 h is shorter still
    assertThat(t.config(config).findings(snap().statsWindow(Duration.ofHours(12)).statements(statements(st ->
        st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofHours(6)))))).hasSize(1);
  }

  @Test
  void aLongDatabaseWindowBoundsTheMinimum() {
    // database window 4 d is long, so the configured minimum is at most 4 d (the default of 7 d would have called
    // it short): a 5-day statements window is long enough although it is below the default
    var config = new dev.pgops.rules.PgopsConfig(java.util.Map.of(), java.util.List.of(), 2);
    assertThat(t.config(config).findings(snap().statsWindow(Duration.ofDays(4)).statements(statements(st ->
        st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofDays(5)))))).isEmpty();
  }

  @Test
  void notEvaluatedBeforeExtension19() {
    RuleResult r = t.result(snap().statements(statements(st -> { st.extensionVersion = "1.8"; st.statsReset = null; })));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("pg_stat_statements_info").contains("stats-window-short");
  }
}
