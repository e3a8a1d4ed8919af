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

class StatementSlowMeanRuleTest {
  private final RuleTester t = RuleTester.of(new StatementSlowMeanRule());

  @Test
  void reportsSlowFrequentStatement() {
    var f = t.findings(snap().statements(statements(st -> st.add(statement("5", q -> { q.calls = 100; q.meanExecMs = 250; q.maxExecMs = 900; })))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("250 ms on average over 100 calls").contains("SELECT * FROM orders");
    });
  }

  @Test
  void tenSecondsMeanIsHigh() {
    var f = t.findings(snap().statements(statements(st -> st.add(statement("5", q -> { q.calls = 200; q.meanExecMs = 12_000; })))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void justBelowTheMeanOrTheCallsIsNotReported() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("1", q -> { q.calls = 100; q.meanExecMs = 99.9; }))
        .add(statement("2", q -> { q.calls = 99; q.meanExecMs = 20_000; })))));
    assertThat(f).isEmpty();
  }

  @Test
  void perCallFiguresAreNotLoweredByAShortWindow() {
    var f = t.findings(snap().statements(statements(st -> {
      st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofHours(1));
      st.add(statement("5", q -> { q.calls = 500; q.meanExecMs = 300; }));
    })));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void notEvaluatedWithoutStatements() {
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
