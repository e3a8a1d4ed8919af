package dev.pgops.rules.configuration;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class MemorySettingsRuleTest {
  private final RuleTester t = RuleTester.of(new MemorySettingsRule());

  @Test
  void reportsEachProblemSeparately() {
    var f = t.findings(snap().setting("shared_buffers", "16384", "8kB").setting("work_mem", "65536", "kB")
        .setting("max_connections", "100").setting("maintenance_work_mem", "16384", "kB"));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactly(
        "setting:shared_buffers=LOW", "setting:work_mem=LOW", "setting:maintenance_work_mem=INFO");
    assertThat(f.get(0).message()).contains("128 MB", "25 %");
    assertThat(f.get(1).message()).contains("6.3 GB");
  }

  @Test
  void sensibleSettingsAreFine() {
    // shared_buffers 4 GB, work_mem 64 MB x 200 = 12.5 GB < 16 GB, maintenance 64 MB
    assertThat(t.findings(snap().setting("shared_buffers", "524288", "8kB").setting("work_mem", "65536", "kB")
        .setting("max_connections", "200").setting("maintenance_work_mem", "65536", "kB"))).isEmpty();
    // small work_mem is never judged, however many connections
    assertThat(t.findings(snap().setting("shared_buffers", "32768", "8kB").setting("work_mem", "4096", "kB")
        .setting("max_connections", "5000"))).isEmpty();
  }

  @Test
  void notEvaluatedWhenSettingsUnavailable() {
    RuleResult r = t.result(snap().unavailable("settings", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
