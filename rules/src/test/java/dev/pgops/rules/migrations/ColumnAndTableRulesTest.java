package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.migration.MigrationReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Severities and wording the fixtures (which check rule ids only) do not pin down. */
class ColumnAndTableRulesTest {

  private static List<Finding> review(String rule, String sql) {
    return MigrationFixtures.review(List.of(MigrationReader.read("m.sql", sql)), sql).findings().stream()
        .filter(f -> f.ruleId().equals(rule)).toList();
  }

  private static Finding one(String rule, String sql) {
    List<Finding> f = review(rule, sql);
    assertThat(f).as(rule).hasSize(1);
    return f.get(0);
  }

  @Test
  void aDefaultOfUnknownVolatilityIsOneStepLowerAndSaysSo() {
    Finding volatileDefault = one("add-column-volatile-default", "ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();");
    Finding unknown = one("add-column-volatile-default", "ALTER TABLE t ADD COLUMN u uuid DEFAULT my_uuid();");
    assertThat(volatileDefault.severity()).isEqualTo(Severity.HIGH);
    assertThat(unknown.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(unknown.message()).contains("could not determine the volatility");
    assertThat(unknown.remediation()).contains("provolatile").contains("'my_uuid'");
  }

  @Test
  void aRewriteOfAHugeTableIsCriticalAndNamesItsSize() {
    Finding f = one("add-column-volatile-default", """
        -- fixture-table: public.orders bytes=40GB rows=300000000 indexes=6 index-bytes=18GB
        ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
        """);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.message()).contains("40.0 GB");
  }

  @Test
  void aTypeChangeWithoutTheOldTypeIsLowerOnlyWhenItMayBeBinaryCoercible() {
    Finding varchar = one("change-column-type", "ALTER TABLE users ALTER COLUMN email TYPE varchar(255);");
    Finding bigint = one("change-column-type", "ALTER TABLE users ALTER COLUMN id TYPE bigint;");
    assertThat(varchar.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(varchar.message()).contains("may be binary-coercible");
    assertThat(bigint.severity()).isEqualTo(Severity.HIGH);
    assertThat(bigint.evidence()).containsEntry("fromType", "unknown");
  }

  @Test
  void theOldTypeComesFromTheStatementBeforeNotTheOneAfter() {
    // varchar(20) → varchar(40) is coercible; the later change back to varchar(10) is not, and must see varchar(40)
    List<Finding> f = review("change-column-type", """
        ALTER TABLE users ADD COLUMN nick varchar(20);
        ALTER TABLE users ALTER COLUMN nick TYPE varchar(40);
        ALTER TABLE users ALTER COLUMN nick TYPE varchar(10);
        """);
    assertThat(f).hasSize(1);
    assertThat(f.get(0).evidence()).containsEntry("fromType", "varchar(40)").containsEntry("toType", "varchar(10)");
  }

  @Test
  void aRequiredColumnOnATableEstimatedEmptyIsInfo() {
    Finding f = one("add-column-required", """
        -- fixture-table: public.orders bytes=16KB rows=0
        ALTER TABLE orders ADD COLUMN region text NOT NULL;
        """);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.message()).contains("estimates the table is empty");
  }

  @Test
  void cascadeRaisesTruncateAndDropSchema() {
    assertThat(one("truncate-table", "TRUNCATE orders;").severity()).isEqualTo(Severity.HIGH);
    assertThat(one("truncate-table", "TRUNCATE orders CASCADE;").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(one("drop-schema-or-database", "DROP SCHEMA legacy;").severity()).isEqualTo(Severity.HIGH);
    assertThat(one("drop-schema-or-database", "DROP SCHEMA legacy CASCADE;").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(one("drop-schema-or-database", "DROP DATABASE legacy;").severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void dropTableNamesTheForeignKeysThatReferenceIt() {
    Finding f = one("drop-table", """
        -- fixture-table: public.orders bytes=2GB rows=1000 inbound-fks=public.items.items_order_fk
        DROP TABLE orders CASCADE;
        """);
    assertThat(f.message()).contains("CASCADE also drops the foreign keys").contains("public.items.items_order_fk")
        .contains("2.0 GB");
  }

  @Test
  void severalColumnsOfOneStatementGetTheirOwnFingerprints() {
    List<Finding> f = review("json-column", "CREATE TABLE docs (a json, b json);");
    assertThat(f).hasSize(2);
    assertThat(f.get(0).fingerprint()).isNotEqualTo(f.get(1).fingerprint());
  }
}
