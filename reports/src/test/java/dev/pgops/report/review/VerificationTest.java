package dev.pgops.report.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.MigrationReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification queries name objects only inside string literals, with quotes doubled. */
class VerificationTest {
  private static List<String> sql(String statement) {
    return Verification.of(MigrationReader.read("t.sql", statement).statements().get(0)).stream()
        .map(Verification.Check::sql).toList();
  }

  @Test
  void indexBuildsAreCheckedForValidity() {
    assertThat(sql("CREATE INDEX CONCURRENTLY orders_customer_idx ON app.orders (customer_id);")).containsExactly(
        "SELECT indexrelid::regclass AS index, indisvalid, indisready FROM pg_index WHERE indexrelid = "
            + "'app.orders_customer_idx'::regclass;");
    assertThat(sql("CREATE INDEX ON orders (x);")).singleElement().asString().contains("NOT indisvalid");
  }

  @Test
  void constraintsAndColumns() {
    assertThat(sql("ALTER TABLE orders ADD CONSTRAINT orders_fk FOREIGN KEY (c) REFERENCES customers (id) NOT VALID;"))
        .containsExactly("SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'orders'::regclass AND "
            + "conname = 'orders_fk';");
    assertThat(sql("ALTER TABLE \"Sales\".\"Orders\" ADD COLUMN \"Note\" text, ALTER COLUMN c SET NOT NULL;"))
        .containsExactly(
            "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE "
                + "table_schema = 'Sales' AND table_name = 'Orders' AND column_name = 'Note';",
            "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE "
                + "table_schema = 'Sales' AND table_name = 'Orders' AND column_name = 'c';");
    assertThat(sql("ALTER TABLE orders DROP COLUMN legacy;")).singleElement().asString().contains("'legacy'");
  }

  @Test
  void hostileNamesStayInsideLiterals() {
    List<String> q = sql("CREATE INDEX \"x'); DROP TABLE orders; --\" ON orders (a);");
    assertThat(q).singleElement().asString()
        .contains("indexrelid = '\"x''); DROP TABLE orders; --\"'::regclass;");
  }

  @Test
  void createdAndDroppedObjects() {
    assertThat(sql("CREATE TABLE t (id int);")).containsExactly("SELECT to_regclass('t') IS NOT NULL AS present;");
    assertThat(sql("DROP TABLE t;")).containsExactly("SELECT to_regclass('t') IS NULL AS dropped;");
    assertThat(sql("CREATE TYPE mood AS ENUM ('a');")).containsExactly("SELECT to_regtype('mood') IS NOT NULL AS present;");
    assertThat(sql("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ select 1 $$;"))
        .containsExactly("SELECT to_regprocedure('f(a int)') IS NOT NULL AS present;");
    assertThat(sql("SET lock_timeout = '1s';")).isEmpty();
  }
}
