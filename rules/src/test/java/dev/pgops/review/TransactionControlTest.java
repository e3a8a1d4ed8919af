package dev.pgops.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.MigrationReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionControlTest {

  static ClassifiedStatement c(String sql) {
    List<ClassifiedStatement> s = MigrationReader.read("t.sql", sql + ";").statements();
    assertThat(s).hasSize(1);
    return s.get(0);
  }

  @ParameterizedTest(name = "{0}: begins={1} ends={2}")
  @CsvSource(delimiter = '|', textBlock = """
      BEGIN                                  | true  | false
      START TRANSACTION ISOLATION LEVEL SERIALIZABLE | true | false
      COMMIT                                 | false | true
      END                                    | false | true
      ROLLBACK                               | false | true
      ABORT                                  | false | true
      PREPARE TRANSACTION 'm1'               | false | true
      ROLLBACK TO SAVEPOINT s1               | false | false
      ROLLBACK WORK TO s1                    | false | false
      COMMIT PREPARED 'm1'                   | false | false
      ROLLBACK PREPARED 'm1'                 | false | false
      SAVEPOINT s1                           | false | false
      ALTER TABLE t ADD COLUMN c int         | false | false
      """)
  void transactionBoundaries(String sql, boolean begins, boolean ends) {
    ClassifiedStatement s = c(sql);
    assertThat(TransactionControl.begins(s)).isEqualTo(begins);
    assertThat(TransactionControl.ends(s)).isEqualTo(ends);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b NOWAIT        | ALTER TABLE ALL IN TABLESPACE | ACCESS_EXCLUSIVE
      ALTER INDEX ALL IN TABLESPACE a OWNED BY app SET TABLESPACE b  | ALTER TABLE ALL IN TABLESPACE | ACCESS_EXCLUSIVE
      ALTER TABLE t SET TABLESPACE b                                 | ALTER TABLE SET TABLESPACE    | ACCESS_EXCLUSIVE
      ALTER INDEX i SET TABLESPACE b                                 | ALTER INDEX SET TABLESPACE    | ACCESS_EXCLUSIVE
      """)
  void tablespaceMovesRewriteUnderAccessExclusive(String sql, String operation, LockLevel lock) {
    LockImpact i = LockModel.impact(c(sql), 16);
    assertThat(i.operation()).isEqualTo(operation);
    assertThat(i.lock()).isEqualTo(lock);
    assertThat(i.rewrite()).isTrue();
  }
}
