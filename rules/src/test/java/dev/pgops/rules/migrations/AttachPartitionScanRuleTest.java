package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.migration.MigrationReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CHECK that lets ATTACH PARTITION skip its scan may come from an earlier migration of the same review. */
class AttachPartitionScanRuleTest {

  private static List<String> lines(String second) {
    var first = MigrationReader.read("V1__bound.sql", """
        ALTER TABLE m_2024 ADD CONSTRAINT m_2024_bound CHECK (d >= '2024-01-01' AND d < '2025-01-01') NOT VALID;
        ALTER TABLE m_2024 VALIDATE CONSTRAINT m_2024_bound;
        """);
    var attach = MigrationReader.read("V2__attach.sql", second);
    return MigrationFixtures.review(List.of(first, attach), "").findings().stream()
        .filter(f -> f.ruleId().equals("attach-partition-scan"))
        .map(Finding::location).map(Object::toString).toList();
  }

  @Test
  void aCheckValidatedInAnEarlierFileSilencesTheAttach() {
    assertThat(lines("ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');")).isEmpty();
  }

  @Test
  void anotherPartitionIsStillScanned() {
    assertThat(lines("ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")).hasSize(1);
  }
}
