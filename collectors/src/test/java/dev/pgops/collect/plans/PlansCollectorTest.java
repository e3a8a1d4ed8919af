package dev.pgops.collect.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.collect.CollectOptions;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How a server error on one plan becomes its "not-explainable" reason (and when it must not), and the plan options. */
class PlansCollectorTest {

  @Test
  void aCancelledStatementIsATimeoutWithTheLimit() throws SQLException {
    assertThat(PlansCollector.reason(new SQLException("ERROR: canceling statement due to statement timeout", "57014"), 250))
        .isEqualTo("timed out after 250 ms");
  }

  @Test
  void otherErrorsKeepTheirFirstLineAndSqlState() throws SQLException {
    SQLException e = new SQLException("ERROR: syntax error at end of input\n  Position: 24", "42601");
    assertThat(PlansCollector.reason(e, 1000)).isEqualTo("ERROR: syntax error at end of input (SQLSTATE 42601)");
  }

  @Test
  void aBrokenConnectionIsNotAPlanProblem() {
    SQLException e = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThatThrownBy(() -> PlansCollector.reason(e, 1000)).isSameAs(e);
  }

  @Test
  void optionsRejectNonsense() {
    assertThat(PlanOptions.defaults()).isEqualTo(new PlanOptions(20, 0, 5000, false, 5, 2000));
    assertThatThrownBy(() -> PlanOptions.defaults().withPlanCount(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlanOptions.defaults().withExplainAnalyze(true, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void collectOptionsCarryPlanOptionsThroughEveryWither() {
    assertThat(CollectOptions.defaults().plans()).isEqualTo(PlanOptions.defaults());
    PlanOptions p = PlanOptions.defaults().withPlanCount(7).withExplainAnalyze(true, 2, 900);
    CollectOptions o = CollectOptions.defaults().withPlans(p).withTimeouts(1000, 50).withMaxSessions(3)
        .withToolVersion("x").withCollectorTimeout("plans", 9000);
    assertThat(o.plans()).isEqualTo(p);
    assertThat(new CollectOptions(1000, 50, null, null, null, 3).plans()).isEqualTo(PlanOptions.defaults());
  }
}
