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

class StatementTempSpillRuleTest {
  private final RuleTester t = RuleTester.of(new StatementTempSpillRule());

  @Test
  void reportsHundredMegabytesPerCall() {
    var f = t.findings(snap().statements(statements(st -> st.add(statement("9", q -> { q.calls = 10; q.tempBlocksWritten = 10 * 20_000; })))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("156 MB of temporary files per call");
      assertThat(x.remediation()).contains("ALTER ROLE app SET work_mem").contains("RESET work_mem");
      assertThat(x.evidence()).containsEntry("tempBlocksWrittenPerCall", "20000");
    });
  }

  @Test
  void overOneGigabytePerCallIsHigh() {
    var f = t.findings(snap().statements(statements(st -> st.add(statement("9", q -> { q.calls = 2; q.tempBlocksWritten = 2 * 140_000; })))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void atThresholdOrWithoutCallsIsNotReported() {
    var f = t.findings(snap().statements(statements(st -> st
        .add(statement("1", q -> { q.calls = 4; q.tempBlocksWritten = 4 * 12_800; }))
        .add(statement("2", q -> { q.calls = 0; q.tempBlocksWritten = 1_000_000; })))));
    assertThat(f).isEmpty();
  }

  @Test
  void bytesFollowTheServerBlockSize() {
    var f = t.findings(snap().setting("block_size", "32768").statements(statements(st -> st.add(statement("9", q -> {
      q.calls = 1; q.tempBlocksWritten = 20_000; })))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("625 MB of temporary files per call"));
  }

  @Test
  void notEvaluatedWithoutStatements() {
    assertThat(t.result(snap()).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
