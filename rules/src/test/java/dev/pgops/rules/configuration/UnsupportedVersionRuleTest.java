package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UnsupportedVersionRuleTest {
  private final RuleTester t = RuleTester.of(new UnsupportedVersionRule());

  @Test
  void pastEndOfLifeIsCritical() {
    // NOW is 2026-11-23; 14 ended on 2026-11-12
    var f = t.findings(snap().version(140010));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.message()).contains("2026-11-12", "14.24");
    });
    assertThat(t.findings(snap().version(90624))).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void endOfLifeWithinAYearIsMedium() {
    var f = t.findings(snap().version(150019));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("2027-11-11");
    });
  }

  @Test
  void behindLatestMinorIsLowAndLatestIsFine() {
    var f = t.findings(snap().version(170002));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("17.2", "17.11");
    });
    assertThat(t.findings(snap().version(170011))).isEmpty();
    assertThat(t.findings(snap().version(180006))).isEmpty();
  }

  @Test
  void unknownMajorIsInfo() {
    var f = t.findings(snap().version(190001));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("not in the release calendar");
    });
  }

  @Test
  void notEvaluatedWhenVersionUnknown() {
    RuleResult r = t.result(snap().version(0));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("version unknown");
  }
}
