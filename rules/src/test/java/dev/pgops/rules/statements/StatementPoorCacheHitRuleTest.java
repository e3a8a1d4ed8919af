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

class StatementPoorCacheHitRuleTest {
  private final RuleTester t = RuleTester.of(new StatementPoorCacheHitRule());

  @Test
  void reportsTopReaderWithPoorHitRatio() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("3", q -> { q.sharedBlocksHit = 4_000; q.sharedBlocksRead = 6_000; }))
        .add(statement("4", q -> { q.sharedBlocksHit = 1_000; q.sharedBlocksRead = 9_000; })))));
    assertThat(f).hasSize(2);
    assertThat(f).filteredOn(x -> x.location().key().equals("statement:3")).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("only 40 %");
    });
    assertThat(f).filteredOn(x -> x.location().key().equals("statement:4")).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void fiftyPercentOrFewBlocksIsNotReported() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("1", q -> { q.sharedBlocksHit = 5_000; q.sharedBlocksRead = 5_000; }))
        .add(statement("2", q -> { q.sharedBlocksHit = 0; q.sharedBlocksRead = 9_999; })))));
    assertThat(f).isEmpty();
  }

  @Test
  void onlyTheTopReadersAreConsidered() {
    var f = t.findings(snap().statements(statements(st -> {
      for (int i = 0; i < 20; i++) st.add(statement("big" + i, q -> { q.sharedBlocksHit = 10_000_000; q.sharedBlocksRead = 1_000_000; }));
      st.add(statement("small", q -> { q.sharedBlocksHit = 1_000; q.sharedBlocksRead = 20_000; }));
    })));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutStatements() {
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
