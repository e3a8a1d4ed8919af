package dev.pgops.collect.statements;

import static dev.pgops.collect.statements.QueryTextMasker.mask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextMaskerTest {

  @Test
  void masksStringAndNumericLiterals() {
    assertThat(mask("SELECT * FROM t WHERE name = 'bob' AND age > 42 AND score < 1.5e-3 AND f = .5"))
        .isEqualTo("SELECT * FROM t WHERE name = ? AND age > ? AND score < ? AND f = ?");
    assertThat(mask("UPDATE t SET a = 'it''s', b = 1_000, c = 0x1F")).isEqualTo("UPDATE t SET a = ?, b = ?, c = ?");
  }

  @Test
  void escapeStringsKeepBackslashEscapedQuotesInside() {
    assertThat(mask("SELECT E'it\\'s', e'a\\\\', x FROM t")).isEqualTo("SELECT ?, ?, x FROM t");
    assertThat(mask("SELECT U&'d\\0061t', B'101', X'1F', N'nat'")).isEqualTo("SELECT ?, ?, ?, ?");
  }

  @Test
  void plainStringsDoNotTreatBackslashAsEscape() {
    assertThat(mask("SELECT 'a\\', 'secret'")).isEqualTo("SELECT ?, ?");
  }

  @Test
  void dollarQuotesAreMaskedWholeAndParametersKept() {
    assertThat(mask("DO $$ BEGIN PERFORM 'x'; END $$")).isEqualTo("DO ?");
    assertThat(mask("SELECT $fn$ it's $$ 42 $fn$, $1, $23::int")).isEqualTo("SELECT ?, $1, $23::int");
    assertThat(mask("SELECT a$b, c$1 FROM t")).isEqualTo("SELECT a$b, c$1 FROM t");
  }

  @Test
  void identifiersCommentsAndQuotedNamesAreLeftAlone() {
    assertThat(mask("SELECT \"col'1\", t2.c3 FROM t2 -- it's 42\nWHERE x = 7 /* 'no' /* 8 */ 9 */ AND y = '5'"))
        .isEqualTo("SELECT \"col'1\", t2.c3 FROM t2 -- it's 42\nWHERE x = ? /* 'no' /* 8 */ 9 */ AND y = ?");
    assertThat(mask("SELECT ename, e1 FROM emp")).isEqualTo("SELECT ename, e1 FROM emp");
  }

  @Test
  void unterminatedLiteralsFromTruncationAreMaskedToTheEnd() {
    assertThat(mask("SELECT 'password that was cut")).isEqualTo("SELECT ?");
    assertThat(mask("SELECT $q$ body that was cut")).isEqualTo("SELECT ?");
    assertThat(mask("SELECT 1 /* open comment 'x'")).isEqualTo("SELECT ? /* open comment 'x'");
  }

  @Test
  void rangesAndNormalizedTextsSurvive() {
    assertThat(mask("SELECT a[1:2] FROM t WHERE id = $1")).isEqualTo("SELECT a[?:?] FROM t WHERE id = $1");
    assertThat(mask("<insufficient privilege>")).isEqualTo("<insufficient privilege>");
    assertThat(mask("")).isEmpty();
    assertThat(mask(null)).isNull();
  }
}
