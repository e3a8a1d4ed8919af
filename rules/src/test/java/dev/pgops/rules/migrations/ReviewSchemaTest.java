package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules whose answer depends on other statements of the review, across files, and their version/size nuances. */
class ReviewSchemaTest {
  private static List<Finding> review(String header, String... files) {
    List<MigrationFile> fs = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i++) fs.add(MigrationReader.read("V" + (i + 1) + ".sql", files[i]));
    return MigrationFixtures.review(fs, header).findings();
  }

  private static List<Finding> of(List<Finding> fs, String rule) {
    return fs.stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  @Test
  void anIndexBuiltInALaterMigrationCoversTheForeignKey() {
    String fk = "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;";
    assertThat(of(review("", fk, "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_c_idx ON orders (customer_id);"),
        "fk-without-covering-index")).isEmpty();
    assertThat(of(review("", fk, "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_c_idx ON public.orders (created_at, customer_id);"),
        "fk-without-covering-index")).singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.LOW);
          assertThat(f.evidence()).containsEntry("indexesChecked", "this review only");
        });
  }

  @Test
  void aCheckValidatedInAnEarlierMigrationSparesTheScan() {
    String add = "ALTER TABLE orders ADD CONSTRAINT orders_email_nn CHECK (email IS NOT NULL) NOT VALID;";
    String validate = "ALTER TABLE orders VALIDATE CONSTRAINT orders_email_nn;";
    String set = "ALTER TABLE orders ALTER COLUMN email SET NOT NULL;";
    assertThat(of(review("", add, validate, set), "set-not-null-scan")).isEmpty();
    assertThat(of(review("", add, set), "set-not-null-scan")).hasSize(1);
    // the SET NOT NULL before the validation does not benefit
    assertThat(of(review("", add, set, validate), "set-not-null-scan")).hasSize(1);
  }

  @Test
  void setNotNullRemediationFollowsTheVersion() {
    String set = "ALTER TABLE orders ALTER COLUMN email SET NOT NULL;";
    assertThat(of(review("-- fixture: pg-version=18\n", set), "set-not-null-scan").get(0).remediation())
        .contains("CHECK (email IS NOT NULL) NOT VALID", "VALIDATE CONSTRAINT orders_email_not_null",
            "DROP CONSTRAINT orders_email_not_null", "NOT NULL email NOT VALID");
    assertThat(of(review("-- fixture: pg-version=16\n", set), "set-not-null-scan").get(0).remediation())
        .doesNotContain("NOT NULL email NOT VALID");
    assertThat(of(review("-- fixture: pg-version=11\n", set), "set-not-null-scan").get(0).remediation())
        .contains("always scans");
  }

  @Test
  void reindexRemediationBelow12IsAConcurrentBuildAndSwap() {
    assertThat(of(review("-- fixture: pg-version=11\n", "REINDEX INDEX orders_status_idx;"), "reindex-non-concurrent")
        .get(0).remediation()).contains("CREATE [UNIQUE] INDEX CONCURRENTLY orders_status_idx_new", "RENAME TO")
        .doesNotContain("REINDEX INDEX CONCURRENTLY");
    assertThat(of(review("-- fixture: pg-version=12\n", "REINDEX (VERBOSE) INDEX orders_status_idx;"),
        "reindex-non-concurrent").get(0).remediation()).startsWith("REINDEX (VERBOSE) INDEX CONCURRENTLY orders_status_idx;");
  }

  @Test
  void dropIndexFindsItsTableAndRaisesSeverityWhenBusy() {
    String busy = "-- fixture-table: public.orders bytes=1GB writes=40 index-columns=orders_status_idx:status\n";
    String quiet = "-- fixture-table: public.orders bytes=1GB writes=0 index-columns=orders_status_idx:status\n";
    Finding f = of(review(busy, "DROP INDEX orders_status_idx;"), "drop-index-non-concurrent").get(0);
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.evidence()).containsEntry("table", "public.orders");
    assertThat(of(review(quiet, "DROP INDEX orders_status_idx;"), "drop-index-non-concurrent").get(0).severity())
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void theForeignKeyValidationNamesTheReferencedTableAndFollowsSize() {
    String big = "-- fixture-table: public.orders bytes=40GB rows=300000000\n"
        + "-- fixture-table: public.customers bytes=2GB rows=1000000\n";
    Finding f = of(review(big, "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);"),
        "foreign-key-validating").get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.message()).contains("customers");
    assertThat(f.evidence()).containsEntry("referencedTable", "public.customers").containsKey("referencedTableSize");
    assertThat(f.remediation()).contains("ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) "
        + "REFERENCES customers(id) NOT VALID", "VALIDATE CONSTRAINT orders_customer_id_fkey");
  }
}
