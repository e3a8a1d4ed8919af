package dev.pgops.collect.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexer pass that decides what may be sent: statement separators, parameters, first words. */
class SqlScanTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT ';' FROM t",
      "SELECT 'it''s; here' FROM t",
      "SELECT E'\\'; still a literal' FROM t",
      "SELECT \"odd;name\" FROM t",
      "SELECT $$;$$, $tag$ ; $x$ ; $tag$ FROM t",
      "SELECT 1 -- ; comment\n FROM t",
      "SELECT /* outer /* nested ; */ still ; comment */ 1",
      "SELECT 1;",
      "SELECT 1 ;  -- trailing\n"})
  void aSemicolonInsideLiteralsCommentsOrAtTheEndIsOneStatement(String sql) {
    SqlScan s = SqlScan.of(sql);
    assertThat(s.multipleStatements()).as(sql).isFalse();
    assertThat(s.unterminated()).as(sql).isFalse();
    assertThat(s.firstWord()).isEqualTo("SELECT");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1; DROP TABLE t",
      "SELECT 'x'; DELETE FROM t",
      "SELECT $$a$$; COMMIT",
      "SELECT 1 /* c */ ; /* c */ SELECT 2"})
  void aSecondStatementIsFound(String sql) {
    assertThat(SqlScan.of(sql).multipleStatements()).as(sql).isTrue();
  }

  @Test
  void unterminatedLiteralsAndCommentsAreFlagged() {
    assertThat(SqlScan.of("SELECT 'abc").unterminated()).isTrue();
    assertThat(SqlScan.of("SELECT 1 /* open").unterminated()).isTrue();
    assertThat(SqlScan.of("SELECT $q$ body").unterminated()).isTrue();
    assertThat(SqlScan.of("SELECT \"id").unterminated()).isTrue();
    // with standard_conforming_strings off this quote is escaped and "; DROP" would be a statement
    assertThat(SqlScan.of("SELECT '\\'; DROP TABLE t; --'").unterminated()).isTrue();
  }

  @Test
  void theHighestParameterCountsOnlyOutsideLiterals() {
    assertThat(SqlScan.of("SELECT * FROM t WHERE a = $1 AND b IN ($3, $2)").maxParam()).isEqualTo(3);
    assertThat(SqlScan.of("SELECT '$9', $$ $8 $$ FROM t WHERE a = $1").maxParam()).isEqualTo(1);
    assertThat(SqlScan.of("SELECT a$1 FROM t").maxParam()).isZero();
    assertThat(SqlScan.of("SELECT 1").maxParam()).isZero();
  }

  @Test
  void utilityStatementsAreNotExplainable() {
    assertThat(SqlScan.of("VACUUM ANALYZE t").explainable()).isFalse();
    assertThat(SqlScan.of("/* app */ CREATE INDEX i ON t (a)").firstWord()).isEqualTo("CREATE");
    assertThat(SqlScan.of("set work_mem = '1MB'").firstWord()).isEqualTo("SET");
    assertThat(SqlScan.of("COPY t TO STDOUT").explainable()).isFalse();
    assertThat(SqlScan.of("BEGIN").explainable()).isFalse();
    assertThat(SqlScan.of("(SELECT 1) UNION (SELECT 2)").explainable()).isTrue();
    assertThat(SqlScan.of("with x as (select 1) select * from x").explainable()).isTrue();
    assertThat(SqlScan.of("update t set a = $1").explainable()).isTrue();
    assertThat(SqlScan.of("").firstWord()).isEmpty();
  }

  @Test
  void theBodyLosesTrailingSemicolonsOnly() {
    assertThat(PlansCollector.body("  SELECT ';' ;; ")).isEqualTo("SELECT ';'");
  }
}
