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

class StatementPlanningDominatesRuleTest {
  private final RuleTester t = RuleTester.of(new StatementPlanningDominatesRule());

  @Test
  void reportsStatementPlannedLongerThanExecuted() {
    var f = t.findings(snap().statements(statements(st -> {
      st.trackPlanning = true;
      st.add(statement("8", q -> { q.plans = 1000; q.totalPlanMs = 5_000; q.totalExecMs = 2_000; }));
    })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("plan 5.0 s vs execution 2.0 s").contains("5 ms each");
      assertThat(x.remediation()).contains("prepared statements");
    });
  }

  @Test
  void equalTimesOrFewPlansAreNotReported() {
    var f = t.findings(snap().statements(statements(st -> {
      st.trackPlanning = true;
      st.add(statement("1", q -> { q.plans = 1000; q.totalPlanMs = 2_000; q.totalExecMs = 2_000; }));
      st.add(statement("2", q -> { q.plans = 99; q.totalPlanMs = 9_000; q.totalExecMs = 10; }));
    })));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedAsInsufficientEvidenceWhenPlanningIsNotTracked() {
    RuleResult r = t.result(snap().statements(statements(st ->
        st.add(statement("8", q -> { q.plans = 0; q.totalPlanMs = 0; q.totalExecMs = 2_000; })))));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("insufficient evidence").contains("track_planning");
    assertThat(r.findings()).isEmpty();
  }
}
