package dev.pgops.report.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.review.ReviewFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inverse of each statement kind: mechanical SQL where it exists, a manual step saying why where not. */
class RollbackTest {
  private static ClassifiedStatement one(String sql) {
    MigrationFile f = MigrationReader.read("t.sql", sql);
    assertThat(f.error()).isNull();
    assertThat(f.statements()).hasSize(1);
    return f.statements().get(0);
  }

  private static List<Rollback.Step> undo(String sql) {
    return Rollback.of(one(sql), ReviewFacts.none(16));
  }

  private static String undoSql(String sql) {
    List<Rollback.Step> steps = undo(sql);
    assertThat(steps).as(sql).allSatisfy(s -> assertThat(s.manual()).as("%s: %s", sql, s.note()).isFalse());
    return String.join("\n", steps.stream().map(Rollback.Step::sql).toList());
  }

  private static String manual(String sql) {
    List<Rollback.Step> steps = undo(sql);
    assertThat(steps).as(sql).singleElement().satisfies(s -> {
      assertThat(s.manual()).isTrue();
      assertThat(s.sql()).isEmpty();
    });
    return steps.get(0).note();
  }

  @Test
  void indexesAreDroppedConcurrentlyInTheirTablesSchema() {
    assertThat(undoSql("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);"))
        .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;");
    assertThat(undoSql("CREATE UNIQUE INDEX orders_ref_idx ON app.orders (ref);"))
        .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS app.orders_ref_idx;");
    assertThat(undoSql("CREATE INDEX \"Odd Name\" ON \"Sales\".\"Orders\" (x);"))
        .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".\"Odd Name\";");
    assertThat(undo("CREATE INDEX IF NOT EXISTS i ON t (x);").get(0).note()).contains("IF NOT EXISTS");
    assertThat(manual("CREATE INDEX ON orders (x);")).contains("no name").contains("\\d orders");
  }

  @Test
  void alterTableActionsAreUndoneInReverseOrder() {
    assertThat(undoSql("ALTER TABLE orders ADD COLUMN note text DEFAULT 'x', "
        + "ADD CONSTRAINT orders_fk FOREIGN KEY (c) REFERENCES customers (id) NOT VALID;"))
        .isEqualTo("ALTER TABLE orders DROP CONSTRAINT orders_fk;\nALTER TABLE orders DROP COLUMN note;");
    assertThat(undoSql("ALTER TABLE orders RENAME COLUMN ref TO external_ref;"))
        .isEqualTo("ALTER TABLE orders RENAME COLUMN external_ref TO ref;");
    assertThat(undoSql("ALTER TABLE app.orders RENAME TO orders_old;"))
        .isEqualTo("ALTER TABLE app.orders_old RENAME TO orders;");
    assertThat(undoSql("ALTER TABLE orders ALTER COLUMN c SET NOT NULL;"))
        .isEqualTo("ALTER TABLE orders ALTER COLUMN c DROP NOT NULL;");
    assertThat(undoSql("ALTER TABLE orders ALTER COLUMN c DROP NOT NULL;"))
        .isEqualTo("ALTER TABLE orders ALTER COLUMN c SET NOT NULL;");
    List<Rollback.Step> def = undo("ALTER TABLE orders ALTER COLUMN d SET DEFAULT 0;");
    assertThat(def).singleElement().satisfies(s -> {
      assertThat(s.sql()).isEqualTo("ALTER TABLE orders ALTER COLUMN d DROP DEFAULT;");
      assertThat(s.note()).contains("had a default before", "manual");
    });
    assertThat(undoSql("ALTER TABLE orders SET LOGGED;")).isEqualTo("ALTER TABLE orders SET UNLOGGED;");
    assertThat(undoSql("ALTER TABLE orders ATTACH PARTITION orders_2024 FOR VALUES FROM (1) TO (2);"))
        .isEqualTo("ALTER TABLE orders DETACH PARTITION orders_2024;");
    assertThat(undo("ALTER TABLE orders VALIDATE CONSTRAINT orders_fk;")).isEmpty();
    assertThat(manual("ALTER TABLE orders ADD CHECK (x > 0);")).contains("no name");
    assertThat(undo("ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY USING INDEX orders_pk_idx;").get(0).note())
        .contains("also drops the index");
  }

  @Test
  void typeChangesAreManualButNameTheOldTypeWhenTheDatabaseKnowsIt() {
    assertThat(manual("ALTER TABLE orders ALTER COLUMN total TYPE bigint;")).contains("previous type is not in the script")
        .doesNotContain("the database had");
    ReviewFacts facts = ReviewSamples.facts();
    List<Rollback.Step> steps = Rollback.of(one("ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);"), facts);
    assertThat(steps).singleElement().satisfies(s -> assertThat(s.note())
        .contains("the database had numeric(10,2): ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2)"));
  }

  @Test
  void createdObjectsAreDropped() {
    assertThat(undoSql("CREATE TABLE items (id bigint PRIMARY KEY);")).isEqualTo("DROP TABLE items;");
    assertThat(undoSql("CREATE TABLE t2 AS SELECT 1;")).isEqualTo("DROP TABLE t2;");
    assertThat(undoSql("CREATE VIEW v AS SELECT 1;")).isEqualTo("DROP VIEW v;");
    assertThat(manual("CREATE OR REPLACE VIEW v AS SELECT 1;")).contains("previous definition");
    assertThat(undoSql("CREATE MATERIALIZED VIEW mv AS SELECT 1;")).isEqualTo("DROP MATERIALIZED VIEW mv;");
    assertThat(undoSql("CREATE TRIGGER trg BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION f();"))
        .isEqualTo("DROP TRIGGER trg ON app.orders;");
    assertThat(undoSql("CREATE FUNCTION app.f(a int, b text DEFAULT 'x', OUT c numeric(10, 2)) RETURNS int "
        + "LANGUAGE sql AS $$ select 1 $$;")).isEqualTo("DROP FUNCTION app.f(a int, b text, OUT c numeric(10, 2));");
    assertThat(undoSql("CREATE PROCEDURE p() LANGUAGE sql AS $$ select 1 $$;")).isEqualTo("DROP PROCEDURE p();");
    assertThat(manual("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select 1 $$;"))
        .contains("previous definition");
    assertThat(undoSql("CREATE SEQUENCE s;")).isEqualTo("DROP SEQUENCE s;");
    assertThat(undoSql("CREATE TYPE mood AS ENUM ('a');")).isEqualTo("DROP TYPE mood;");
    assertThat(undoSql("CREATE SCHEMA app;")).isEqualTo("DROP SCHEMA app;");
    assertThat(undoSql("ALTER INDEX app.orders_a_idx RENAME TO orders_b_idx;"))
        .isEqualTo("ALTER INDEX app.orders_b_idx RENAME TO orders_a_idx;");
    assertThat(undoSql("GRANT SELECT, INSERT ON orders TO app_rw WITH GRANT OPTION;"))
        .isEqualTo("REVOKE SELECT, INSERT ON orders FROM app_rw;");
    assertThat(undoSql("REVOKE UPDATE ON orders FROM app_ro;")).isEqualTo("GRANT UPDATE ON orders TO app_ro;");
  }

  @Test
  void destructiveAndDataStatementsAreManualWithTheReason() {
    assertThat(manual("DROP TABLE legacy;")).contains("restore them from a backup");
    assertThat(manual("DROP INDEX CONCURRENTLY old_idx;")).contains("recreate it");
    assertThat(manual("TRUNCATE audit_log;")).contains("backup");
    assertThat(manual("UPDATE orders SET x = 1;")).contains("previous rows are not kept");
    assertThat(manual("DELETE FROM orders WHERE id < 10;")).contains("previous rows are not kept");
    assertThat(manual("ALTER TABLE orders DROP COLUMN legacy;")).contains("gone");
    assertThat(manual("ALTER TABLE orders DROP CONSTRAINT c;")).contains("pg_get_constraintdef");
    assertThat(manual("ALTER TYPE mood ADD VALUE 'b';")).contains("cannot be dropped");
    assertThat(manual("DO $$ BEGIN PERFORM 1; END $$;")).contains("by hand");
  }

  @Test
  void statementsThatChangeNothingHaveNoUndo() {
    for (String sql : List.of("SET lock_timeout = '3s';", "ANALYZE orders;", "VACUUM orders;", "BEGIN;", "COMMIT;",
        "REINDEX INDEX CONCURRENTLY i;", "REFRESH MATERIALIZED VIEW mv;", "SELECT 1;", "LOCK TABLE orders;")) {
      assertThat(undo(sql)).as(sql).isEmpty();
    }
  }
}
