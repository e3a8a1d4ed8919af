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

class StatementDominantRuleTest {
  private final RuleTester t = RuleTester.of(new StatementDominantRule());

  @Test
  void reportsStatementOverThirtyPercentNamingItAndTheFigures() {
    var f = t.findings(snap().statements(statements(st -> {
      st.totalExecMs = 100_000;
      st.totalPlanMs = 0;
      st.add(statement("42", q -> { q.totalExecMs = 35_000; q.calls = 7000; q.meanExecMs = 5;
        q.query = "SELECT  *\n  FROM orders\n WHERE status = $1"; }));
    })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.location().key()).isEqualTo("statement:42");
      assertThat(x.message()).contains("SELECT * FROM orders WHERE status = $1").contains("35 %").contains("35.0 s");
      assertThat(x.remediation()).contains("WHERE queryid = 42");
      assertThat(x.evidence()).containsEntry("share", "35 %").containsEntry("statementsWindow", "30 d 0 h");
    });
  }

  @Test
  void planTimeCountsAndOverHalfIsHigh() {
    var f = t.findings(snap().statements(statements(st -> {
      st.totalExecMs = 80_000;
      st.totalPlanMs = 20_000;
      st.add(statement("7", q -> { q.totalExecMs = 35_000; q.totalPlanMs = 16_000; }));
    })));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void exactlyThirtyPercentIsNotReported() {
    var f = t.findings(snap().statements(statements(st -> {
      st.totalExecMs = 100_000;
      st.totalPlanMs = 0;
      st.add(statement("1", q -> q.totalExecMs = 30_000));
    })));
    assertThat(f).isEmpty();
  }

  @Test
  void shortStatementsWindowLowersAndSaysSo() {
    var f = t.findings(snap().statements(statements(st -> {
      st.statsReset = dev.pgops.rules.testing.Snap.NOW.minus(Duration.ofHours(3));
      st.totalExecMs = 100_000;
      st.totalPlanMs = 0;
      st.add(statement("1", q -> q.totalExecMs = 60_000));
    })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("pg_stat_statements cover only 3 h 0 min");
    });
  }

  @Test
  void aRecentDatabaseResetDoesNotLowerStatementsWithTheirOwnLongWindow() {
    // pg_stat_reset() does not touch pg_stat_statements: its own 30-day window counts
    var f = t.findings(snap().statsWindow(Duration.ofHours(2)).statements(statements(st -> {
      st.totalExecMs = 100_000;
      st.totalPlanMs = 0;
      st.add(statement("1", q -> q.totalExecMs = 40_000));
    })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).doesNotContain("cover only");
    });
  }

  @Test
  void notEvaluatedWithoutStatements() {
    RuleResult r = t.result(snap());
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("pg_stat_statements");
  }
}
