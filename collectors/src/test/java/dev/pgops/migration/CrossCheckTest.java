package dev.pgops.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens first and JSqlParser in the background must end where the one-pass classification ends. */
class CrossCheckTest {
  @TempDir Path dir;

  private static final List<String> SCRIPTS = List.of(
      "CREATE TABLE t (id bigint PRIMARY KEY, note text);\nCREATE INDEX CONCURRENTLY t_note ON t (note);\n",
      "DROP INDEX CONCURRENTLY IF EXISTS t_note;\nREINDEX TABLE t;\nVACUUM FULL t;\n\\set ON_ERROR_STOP on\n",
      "BEGIN;\nALTER TABLE t ADD COLUMN c int DEFAULT 0;\nUPDATE t SET c = 1 WHERE id < 10;\nCOMMIT;\n",
      "frobnicate the database;\nSELECT 1;\nINSERT INTO t (id) VALUES (1), (2);\n",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n",
      "SELECT 1;\nCREATE FUNCTION g() AS $$ never closed\n",
      "");

  @Test
  void crossCheckedFilesEqualTheOnePassClassification() throws Exception {
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < SCRIPTS.size(); i++) {
      Path p = dir.resolve("V" + (i + 1) + "__m.sql");
      Files.writeString(p, SCRIPTS.get(i));
      paths.add(p);
    }
    List<MigrationFile> tokens = MigrationReader.readByTokens(paths);
    assertThat(tokens).flatMap(MigrationFile::statements).extracting(ClassifiedStatement::classifiedBy)
        .doesNotContain(StatementClassifier.BY_JSQLPARSER);

    List<MigrationFile> checked = CrossCheck.start(tokens).join();
    List<MigrationFile> onePass = MigrationReader.read(paths);
    assertThat(checked).hasSameSizeAs(onePass);
    for (int i = 0; i < onePass.size(); i++) {
      MigrationFile a = checked.get(i), b = onePass.get(i);
      assertThat(a.file()).isEqualTo(b.file());
      assertThat(a.error()).isEqualTo(b.error());
      assertThat(a.statements()).extracting(ClassifiedStatement::kind, ClassifiedStatement::classifiedBy)
          .as(a.file()).isEqualTo(b.statements().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.kind(), s.classifiedBy())).toList());
      for (int k = 0; k < a.statements().size(); k++) {
        // the same statement, only classifiedBy may have changed
        assertThat(a.statements().get(k).statement()).isSameAs(tokens.get(i).statements().get(k).statement());
      }
    }
    assertThat(checked).flatMap(MigrationFile::statements).extracting(ClassifiedStatement::classifiedBy)
        .contains(StatementClassifier.BY_JSQLPARSER, StatementClassifier.BY_TOKENS, StatementClassifier.BY_UNKNOWN);
    assertThat(checked.get(5).failed()).isTrue();
    assertThat(checked.get(6).statements()).isEmpty();
  }

  @Test
  void nothingToCheckIsFine() {
    assertThat(CrossCheck.start(List.of()).join()).isEmpty();
  }
}
