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

class StatementHighVarianceRuleTest {
  private final RuleTester t = RuleTester.of(new StatementHighVarianceRule());

  @Test
  void reportsUnstableStatementAsInfo() {
    var f = t.findings(snap().statements(statements(st -> st.add(statement("6", q -> {
      q.calls = 500; q.meanExecMs = 20; q.stddevExecMs = 80; q.minExecMs = 1; q.maxExecMs = 4_000; })))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("4.00 x").contains("max 4.0 s");
      assertThat(x.remediation()).contains("auto_explain");
    });
  }

  @Test
  void ratioOfThreeOrFastOrRareStatementsAreNotReported() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("1", q -> { q.calls = 500; q.meanExecMs = 20; q.stddevExecMs = 60; }))
        .add(statement("2", q -> { q.calls = 500; q.meanExecMs = 9.9; q.stddevExecMs = 100; }))
        .add(statement("3", q -> { q.calls = 99; q.meanExecMs = 20; q.stddevExecMs = 100; })))));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutStatements() {
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
