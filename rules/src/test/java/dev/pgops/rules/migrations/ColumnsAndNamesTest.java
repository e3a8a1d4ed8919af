package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.MigrationReader;
import dev.pgops.review.ReviewStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsAndNamesTest {

  private static ClassifiedStatement c(String sql) {
    return MigrationReader.read("m.sql", sql).statements().get(0);
  }

  private static ReviewStatement s(String sql) {
    return MigrationFixtures.review(List.of(MigrationReader.read("m.sql", sql)), "").files().get(0).statements().get(0);
  }

  @Test
  void tableLevelPrimaryKey() {
    assertThat(Columns.tablePrimaryKey(s("CREATE TABLE t (id int NOT NULL, CONSTRAINT t_pk PRIMARY KEY (id))")))
        .containsExactly("id");
    assertThat(Columns.tablePrimaryKey(s("CREATE TABLE t (a int, b int, PRIMARY KEY (a, b)) WITH (fillfactor = 90)")))
        .containsExactly("a", "b");
    assertThat(Columns.tablePrimaryKey(s("CREATE TABLE t (id int PRIMARY KEY, CHECK (id > 0))"))).isEmpty();
  }

  @Test
  void introducedColumns() {
    assertThat(Columns.introduced(s("ALTER TABLE t ADD COLUMN a json, ALTER COLUMN b TYPE json, DROP COLUMN c")))
        .extracting(Columns.Introduced::how).containsExactly("ADD COLUMN", "ALTER COLUMN TYPE");
  }

  @Test
  void displayCompactsTokenSpacing() {
    assertThat(Columns.display("gen_random_uuid ( )")).isEqualTo("gen_random_uuid()");
    assertThat(Columns.display("ARRAY [ ] :: text [ ]")).isEqualTo("ARRAY[]::text[]");
    assertThat(Columns.display("auth . uid ( )")).isEqualTo("auth.uid()");
    assertThat(Columns.display("timezone ( 'utc' :: text , now ( ) )")).isEqualTo("timezone('utc'::text, now())");
    assertThat(Columns.display("( price * qty )")).isEqualTo("(price * qty)");
  }

  @Test
  void newNamesOfCreateAndAlterStatements() {
    assertThat(NewNames.of(c("CREATE TABLE s.t (a int, \"B\" text, CONSTRAINT t_chk CHECK (a > 0), FOREIGN KEY (a) REFERENCES u (id))")))
        .containsExactly("t", "a", "\"B\"", "t_chk");
    assertThat(NewNames.of(c("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a)"))).containsExactly("t_a_idx");
    assertThat(NewNames.of(c("ALTER TABLE t ADD COLUMN x int, ADD CONSTRAINT x_fk FOREIGN KEY (x) REFERENCES u (id), "
        + "DROP CONSTRAINT old_fk"))).containsExactly("x", "x_fk");
    assertThat(NewNames.of(c("ALTER TABLE t RENAME COLUMN a TO b"))).containsExactly("b");
    assertThat(NewNames.of(c("ALTER TABLE t RENAME CONSTRAINT a TO b"))).containsExactly("b");
    assertThat(NewNames.of(c("ALTER INDEX t_idx RENAME TO t_new_idx"))).containsExactly("t_new_idx");
    assertThat(NewNames.of(c("ALTER TABLE t OWNER TO app"))).isEmpty();
    assertThat(NewNames.of(c("DROP TABLE t"))).isEmpty();
  }

  @Test
  void bytesAndTruncationFollowUtf8() {
    String cyrillic = "идентификатор_клиента_в_системе_учёта"; // 37 characters, 70 bytes
    assertThat(NewNames.bytes(cyrillic)).isEqualTo(70);
    assertThat(NewNames.truncated(cyrillic)).isEqualTo("идентификатор_клиента_в_системе_у");
    assertThat(NewNames.bytes("\"a\"\"b\"")).isEqualTo(3);
    assertThat(NewNames.truncated("x".repeat(70))).hasSize(63);
  }
}
