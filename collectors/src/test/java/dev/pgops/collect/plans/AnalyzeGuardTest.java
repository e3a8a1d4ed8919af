package dev.pgops.collect.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What EXPLAIN ANALYZE (which executes) accepts: one plain SELECT and nothing with side effects. */
class AnalyzeGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM t WHERE id = 1",
      "select a, count(*) from t join u using (id) group by a order by 2 desc limit 10",
      "WITH x AS (SELECT id FROM t) SELECT * FROM x",
      "SELECT 'UPDATE t SET a = 1; nextval(''s'')' AS text",
      "SELECT id FROM t UNION ALL SELECT id FROM u",
      "SELECT f() FROM t;"})
  void plainSelectsAreAccepted(String sql) {
    assertThat(AnalyzeGuard.refusal(sql)).as(sql).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UPDATE t SET a = 1 WHERE id = 2 | found UPDATE",
      "DELETE FROM t | found DELETE",
      "INSERT INTO t VALUES (1) | found INSERT",
      "WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x | DELETE",
      "WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT count(*) FROM x | UPDATE",
      "SELECT nextval('s') | nextval()",
      "SELECT setval('s', 10) | setval()",
      "SELECT * FROM dblink('host=x', 'select 1') AS r(a int) | dblink()",
      "SELECT pg_advisory_lock(1) | pg_advisory_lock()",
      "SELECT pg_stat_statements_reset() | pg_stat_statements_reset()",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity | pg_terminate_backend()",
      "SELECT set_config('work_mem', '1GB', false) | set_config()",
      "SELECT * FROM t FOR UPDATE | FOR UPDATE/SHARE",
      "SELECT * FROM t WHERE id IN (SELECT id FROM u FOR SHARE) | FOR UPDATE/SHARE",
      "SELECT * FROM t WHERE id = $1 | $n parameters",
      "SELECT 1; SELECT 2 | single statement",
      "VACUUM t | found VACUUM",
      "SELEKT 1 | found SELEKT",
      "SELECT * FROM t WHERE (a = | does not parse"})
  void everythingElseIsRefusedWithTheReason(String sql, String reason) {
    assertThat(AnalyzeGuard.refusal(sql)).as(sql).hasValueSatisfying(r -> {
      assertThat(r).startsWith("refused: ");
      assertThat(r).contains(reason);
    });
  }

  @Test
  void theReasonNamesTheStatementFound() {
    assertThat(AnalyzeGuard.refusal("UPDATE t SET a = 1"))
        .hasValue("refused: explain-analyze only runs a single SELECT (found UPDATE)");
  }
}
