package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.MigrationReader;
import dev.pgops.review.LockImpact;
import dev.pgops.review.ReviewStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The non-trivial helpers behind the migration rules' remediation text. */
class MigrationHelpersTest {

  static ReviewStatement s(String sql) {
    List<ClassifiedStatement> c = MigrationReader.read("t.sql", sql + ";").statements();
    assertThat(c).hasSize(1);
    return new ReviewStatement(c.get(0), 0, 0, LockImpact.NONE, -1, false, null, null);
  }

  static String attach(String sql) {
    return s(sql).classified().alterActions().get(0).text();
  }

  @Test
  void rangeBoundBecomesACheckThatExcludesNull() {
    assertThat(PartitionBound.checkExpression(
        attach("ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"), "logdate"))
        .isEqualTo("logdate IS NOT NULL AND logdate >= '2024-01-01' AND logdate < '2025-01-01'");
    assertThat(PartitionBound.checkExpression(
        attach("ALTER TABLE m ATTACH PARTITION m_old FOR VALUES FROM (MINVALUE) TO ('2020-01-01'::date)"), "d"))
        .isEqualTo("d IS NOT NULL AND d < '2020-01-01'::date");
  }

  @Test
  void listBoundKeepsItsValuesAndNull() {
    assertThat(PartitionBound.checkExpression(attach("ALTER TABLE s ATTACH PARTITION s_eu FOR VALUES IN ('de', 'fr')"), "region"))
        .isEqualTo("region IS NOT NULL AND region IN ('de', 'fr')");
    assertThat(PartitionBound.checkExpression(attach("ALTER TABLE s ATTACH PARTITION s_x FOR VALUES IN (NULL, 'xx')"), "region"))
        .isEqualTo("(region IS NULL OR region IN ('xx'))");
  }

  @Test
  void boundsWithoutASingleColumnCheckAreLeftToTheUser() {
    assertThat(PartitionBound.checkExpression(attach("ALTER TABLE m ATTACH PARTITION m_d DEFAULT"), "k")).isNull();
    assertThat(PartitionBound.checkExpression(
        attach("ALTER TABLE m ATTACH PARTITION m_h FOR VALUES WITH (MODULUS 4, REMAINDER 1)"), "k")).isNull();
    assertThat(PartitionBound.checkExpression(
        attach("ALTER TABLE m ATTACH PARTITION m_2 FOR VALUES FROM (1, 'a') TO (2, 'b')"), "k")).isNull();
  }

  @Test
  void alterActionsAreCopiedAsWritten() {
    assertThat(MultipleAlterSameTableRule.actionsText(s("ALTER TABLE IF EXISTS ONLY public.orders ADD COLUMN note text,\n"
        + "  ALTER COLUMN amount TYPE numeric(14, 2)"))).isEqualTo("ADD COLUMN note text,\n  ALTER COLUMN amount TYPE numeric(14, 2)");
    assertThat(MultipleAlterSameTableRule.actionsText(s("alter table \"Orders\" * drop column x"))).isEqualTo("drop column x");
  }

  @Test
  void batchesGoBeforeReturning() {
    assertThat(UnboundedUpdateDeleteRule.batched("UPDATE orders SET a = 1 RETURNING id"))
        .isEqualTo("UPDATE orders SET a = 1 WHERE id >= :start AND id < :start + 5000 RETURNING id;");
    assertThat(UnboundedUpdateDeleteRule.batched("DELETE FROM orders"))
        .isEqualTo("DELETE FROM orders WHERE id >= :start AND id < :start + 5000;");
  }
}
