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

class TrackIoTimingStatementsRuleTest {
  private final RuleTester t = RuleTester.of(new TrackIoTimingStatementsRule());

  @Test
  void reportsLimitedEvidenceAsInfo() {
    var f = t.findings(snap().setting("track_io_timing", "off").statements(statements(st -> st.add(statement("1", q -> { })))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).startsWith("I/O time per statement unavailable: evidence limited");
      assertThat(x.ruleId()).isEqualTo("track-io-timing-statements");
    });
  }

  @Test
  void cleanWhenOn() {
    assertThat(t.findings(snap().setting("track_io_timing", "on").statements(statements(st -> { })))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutStatementsOrSetting() {
    assertThat(t.result(snap().setting("track_io_timing", "off")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    RuleResult r = t.result(snap().statements(statements(st -> { })));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("track_io_timing");
  }
}
