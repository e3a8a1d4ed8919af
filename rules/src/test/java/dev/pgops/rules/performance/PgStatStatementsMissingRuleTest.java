package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.PerfFixtures.extension;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PgStatStatementsMissingRuleTest {
  private final RuleTester t = RuleTester.of(new PgStatStatementsMissingRule());

  @Test
  void mediumWhenNotInstalled() {
    var f = t.findings(snap().setting("shared_preload_libraries", "auto_explain"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.remediation()).contains("shared_preload_libraries = 'auto_explain,pg_stat_statements'")
          .contains("CREATE EXTENSION pg_stat_statements;");
    });
  }

  @Test
  void mediumWhenInstalledButNotPreloaded() {
    var f = t.findings(snap().extension(extension("pg_stat_statements")).setting("shared_preload_libraries", ""));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("not in shared_preload_libraries");
      assertThat(x.remediation()).contains("shared_preload_libraries = 'pg_stat_statements'").doesNotContain("CREATE EXTENSION");
    });
  }

  @Test
  void preloadedButNotCreatedNeedsOnlyCreateExtension() {
    var f = t.findings(snap().setting("shared_preload_libraries", "pg_stat_statements"));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.remediation()).startsWith("CREATE EXTENSION"));
  }

  @Test
  void quietWhenInstalledAndPreloaded() {
    assertThat(t.findings(snap().extension(extension("pg_stat_statements"))
        .setting("shared_preload_libraries", "pg_stat_statements, auto_explain"))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutExtensions() {
    assertThat(t.result(snap().unavailable("extensions", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
