package dev.pgops.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.findings.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(BuiltInRules.CATALOG);

  @Test
  void readsRulesThresholdsWaiversAndWindow(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("pgops.yaml");
    Files.writeString(f, """
        statsWindowMinDays: 14
        rules:
          unused-index:
            severity: high
            minSizeMb: 50
        waivers:
          - rule: unused-index
            object: public.orders_note_idx
            reason: used by the yearly close
            owner: alice
            expires: 2027-01-31
        """);
    PgopsConfig c = loader.load(f);
    assertThat(c.statsWindowMinDays()).isEqualTo(14);
    assertThat(c.severity("unused-index")).contains(Severity.HIGH);
    assertThat(c.threshold("unused-index", "minSizeMb")).contains(50.0);
    assertThat(c.waivers()).containsExactly(new Waiver("unused-index", "public.orders_note_idx",
        "used by the yearly close", "alice", LocalDate.parse("2027-01-31")));
  }

  @Test
  void unknownRuleIsAOneLineErrorNamingTheSetting() {
    assertThatThrownBy(() -> loader.parse("rules:\n  no-such-rule:\n    enabled: false\n", "pgops.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("pgops.yaml: rules.no-such-rule: unknown rule id (see `pgops rules list`)");
  }

  @Test
  void unknownThresholdListsTheValidOnes() {
    assertThatThrownBy(() -> loader.parse("rules:\n  unused-index:\n    minSize: 5\n", "p.yaml"))
        .hasMessageStartingWith("p.yaml: rules.unused-index.minSize: unknown setting (valid: enabled, severity, minSizeMb, warnSizeMb)");
  }

  @Test
  void waiverWithoutReasonOrWithBadDateIsRejected() {
    String noReason = "waivers:\n  - rule: unused-index\n    object: public.x\n    owner: a\n    expires: 2027-01-01\n";
    assertThatThrownBy(() -> loader.parse(noReason, "p.yaml")).hasMessage("p.yaml: waivers[0].reason: is required");
    String badDate = "waivers:\n  - rule: unused-index\n    object: public.x\n    reason: r\n    owner: a\n    expires: soon\n";
    assertThatThrownBy(() -> loader.parse(badDate, "p.yaml")).hasMessage("p.yaml: waivers[0].expires: expected a date like 2027-01-31");
  }

  @Test
  void badYamlAndBadValuesAreOneLine() {
    assertThatThrownBy(() -> loader.parse("rules: [unclosed", "p.yaml")).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("p.yaml: invalid YAML").doesNotContain("\n"));
    assertThatThrownBy(() -> loader.parse("rules:\n  unused-index:\n    minSizeMb: lots\n", "p.yaml"))
        .hasMessage("p.yaml: rules.unused-index.minSizeMb: expected a number, got 'lots'");
    assertThatThrownBy(() -> loader.parse("rules:\n  unused-index:\n    severity: urgent\n", "p.yaml"))
        .hasMessageContaining("unknown severity 'urgent'");
    assertThatThrownBy(() -> loader.parse("thresholds: {}\n", "p.yaml"))
        .hasMessage("p.yaml: thresholds: unknown setting (valid: rules, statsWindowMinDays, waivers)");
  }

  @Test
  void emptyFileMeansDefaults() throws Exception {
    assertThat(loader.parse("", "p.yaml")).isEqualTo(PgopsConfig.defaults());
  }

  @Test
  void missingFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"))).hasMessageEndingWith("nope.yaml: file not found");
  }
}
