package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import org.junit.jupiter.api.Test;

class DataChecksumsRuleTest {
  private final RuleTester t = RuleTester.of(new DataChecksumsRule());

  @Test
  void checksumFailuresAreCritical() {
    var f = t.findings(snap().setting("data_checksums", "on")
        .database(d -> { d.name = "app"; d.checksumFailures = 3L; d.checksumLastFailure = Snap.NOW.minusSeconds(7200); })
        .database(d -> { d.name = "other"; d.checksumFailures = 0L; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.location().key()).isEqualTo("database:app");
      assertThat(x.message()).contains("3 data checksum failures", "2 h 0 min ago");
    });
  }

  @Test
  void checksumsOffIsInfo() {
    var f = t.findings(snap().setting("data_checksums", "off").database(d -> d.name = "app"));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void checksumsOnWithoutFailuresIsFine() {
    assertThat(t.findings(snap().setting("data_checksums", "on").database(d -> d.checksumFailures = 0L))).isEmpty();
  }

  @Test
  void notEvaluatedWhenBothSectionsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied").unavailable("databases", "timeout"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
