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

class StatementWalHeavyRuleTest {
  private final RuleTester t = RuleTester.of(new StatementWalHeavyRule());
  private static final long MB = 1L << 20;

  @Test
  void reportsStatementWritingMegabytesPerCall() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("11", q -> { q.calls = 100; q.walBytes = 300 * MB; q.walFpi = 20_000L;
          q.query = "UPDATE orders SET status = $1"; }))
        .add(statement("12", q -> { q.calls = 1_000_000; q.walBytes = 700 * MB; })))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.location().key()).isEqualTo("statement:11");
      assertThat(x.message()).contains("UPDATE orders").contains("3.0 MB of WAL per call").contains("30 %");
    });
  }

  @Test
  void belowOneMegabytePerCallOrSmallShareIsNotReported() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("1", q -> { q.calls = 100; q.walBytes = 100 * MB - 1; }))
        .add(statement("2", q -> { q.calls = 1; q.walBytes = 40 * MB; }))
        .add(statement("3", q -> { q.calls = 1; q.walBytes = 1000 * MB; })))));
    assertThat(f).extracting(x -> x.location().key()).containsExactly("statement:3");
  }

  @Test
  void notEvaluatedBeforeExtension18() {
    RuleResult r = t.result(snap().version(120015).statements(statements(st -> {
      st.extensionVersion = "1.7";
      st.add(statement("1", q -> { q.walBytes = null; q.walFpi = null; q.walRecords = null; }));
    })));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("1.7").contains("1.8");
  }

  @Test
  void emptySelectionOnOldExtensionIsNotEvaluatedOnNewIsClean() {
    assertThat(t.result(snap().statements(statements(st -> st.extensionVersion = "1.6"))).status())
        .isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(t.findings(snap().statements(statements(st -> st.extensionVersion = "1.10")))).isEmpty();
  }
}
