package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.OpsFixtures.extension;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ExtensionOutdatedRuleTest {
  private final RuleTester t = RuleTester.of(new ExtensionOutdatedRule());

  @Test
  void outdatedExtensionIsLowWithAlterExtension() {
    var f = t.findings(snap().extension(extension("pg_stat_statements", "1.9", "1.11"))
        .extension(extension("Odd-Ext", "1.0", "1.1")));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).severity()).isEqualTo(Severity.LOW);
    assertThat(f.get(0).remediation()).contains("ALTER EXTENSION pg_stat_statements UPDATE;");
    assertThat(f.get(1).remediation()).contains("ALTER EXTENSION \"Odd-Ext\" UPDATE;");
  }

  @Test
  void currentExtensionIsFine() {
    assertThat(t.findings(snap().extension(extension("pg_stat_statements", "1.11", "1.11")))).isEmpty();
  }

  @Test
  void notEvaluatedWhenExtensionsUnavailable() {
    RuleResult r = t.result(snap().unavailable("extensions", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
