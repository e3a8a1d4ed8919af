package dev.pgops.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.findings.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        .hasMessage("p.yaml: thresholds: unknown setting (valid: backup, rules, statsWindowMinDays, waivers)");
  }

  @Test
  void readsTheBackupPolicyWithDurations() throws Exception {
    PgopsConfig c = loader.parse("""
        backup:
          rpo: 90s
          fullInterval: 7d
          anyBackupInterval: 26h
          retention:
            fullCount: 3
            age: 15m
          drill:
            maxAge: 90d
            rto: 1h
        """, "p.yaml");
    PgopsConfig.BackupPolicy b = c.backup();
    assertThat(b.rpo()).isEqualTo(Duration.ofSeconds(90));
    assertThat(b.fullInterval()).isEqualTo(Duration.ofDays(7));
    assertThat(b.anyBackupInterval()).isEqualTo(Duration.ofHours(26));
    assertThat(b.retentionFullCount()).isEqualTo(3);
    assertThat(b.retentionAge()).isEqualTo(Duration.ofMinutes(15));
    assertThat(b.drillMaxAge()).isEqualTo(Duration.ofDays(90));
    assertThat(b.drillRto()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void absentBackupKeysKeepTheDocumentedDefaults() throws Exception {
    PgopsConfig.BackupPolicy d = loader.parse("backup:\n  rpo: 5m\n", "p.yaml").backup();
    assertThat(d.rpo()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.fullInterval()).isEqualTo(Duration.ofDays(7));
    assertThat(d.anyBackupInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(d.retentionFullCount()).isEqualTo(2);
    assertThat(d.retentionAge()).isNull();
    assertThat(d.drillMaxAge()).isEqualTo(Duration.ofDays(90));
    assertThat(d.drillRto()).isNull();
    assertThat(PgopsConfig.defaults().backup().rpo()).isEqualTo(Duration.ofMinutes(15));
    assertThat(loader.parse("backup:\n", "p.yaml")).isEqualTo(PgopsConfig.defaults());
  }

  @Test
  void unknownBackupKeysAndBadDurationsAreOneLineErrorsNamingTheKey() {
    assertThatThrownBy(() -> loader.parse("backup:\n  rpoo: 5m\n", "p.yaml")).isInstanceOf(ConfigException.class)
        .hasMessage("p.yaml: backup.rpoo: unknown setting (valid: anyBackupInterval, drill, fullInterval, retention, rpo)");
    assertThatThrownBy(() -> loader.parse("backup:\n  retention:\n    full: 2\n", "p.yaml"))
        .hasMessage("p.yaml: backup.retention.full: unknown setting (valid: age, fullCount)");
    assertThatThrownBy(() -> loader.parse("backup:\n  drill:\n    maxage: 90d\n", "p.yaml"))
        .hasMessage("p.yaml: backup.drill.maxage: unknown setting (valid: maxAge, rto)");
    assertThatThrownBy(() -> loader.parse("backup:\n  rpo: 5 minutes\n", "p.yaml"))
        .hasMessage("p.yaml: backup.rpo: expected a duration like 90s, 15m, 26h or 7d, got '5 minutes'");
    assertThatThrownBy(() -> loader.parse("backup:\n  fullInterval: 300\n", "p.yaml"))
        .hasMessage("p.yaml: backup.fullInterval: expected a duration like 90s, 15m, 26h or 7d, got '300'");
    assertThatThrownBy(() -> loader.parse("backup:\n  drill:\n    rto: 0m\n", "p.yaml"))
        .hasMessage("p.yaml: backup.drill.rto: must be longer than 0, got '0m'");
    assertThatThrownBy(() -> loader.parse("backup:\n  rpo: 99999999999999999999d\n", "p.yaml"))
        .hasMessageStartingWith("p.yaml: backup.rpo: duration '99999999999999999999d' is too large");
    assertThatThrownBy(() -> loader.parse("backup:\n  retention:\n    fullCount: two\n", "p.yaml"))
        .hasMessage("p.yaml: backup.retention.fullCount: expected a whole number of backups (0 or more), got 'two'");
    assertThatThrownBy(() -> loader.parse("backup:\n  retention: 7d\n", "p.yaml"))
        .hasMessage("p.yaml: backup.retention: expected a mapping (age, fullCount)");
    assertThatThrownBy(() -> loader.parse("backup: weekly\n", "p.yaml"))
        .hasMessage("p.yaml: backup: expected a mapping (anyBackupInterval, drill, fullInterval, retention, rpo)");
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
