package dev.pgops.review;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.SqlStatement;
import dev.pgops.migration.StatementKind;

/**
 * One statement in its review context.
 *
 * @param classified       the statement as read
 * @param ordinal          position across the whole review (files in order), for "created earlier" questions
 * @param index            position in its file
 * @param impact           lock level, rewrite, scan per the {@link LockModel} on the reviewed version
 * @param txId             the transaction it runs in (unique in the review), or -1 when it commits on its own
 * @param explicitTx       inside an explicit BEGIN … COMMIT of the file
 * @param lockTimeout      {@code lock_timeout} set earlier in the file (SET or SET LOCAL still in force), or null
 * @param statementTimeout {@code statement_timeout} likewise, or null
 */
public record ReviewStatement(ClassifiedStatement classified, int ordinal, int index, LockImpact impact, int txId,
    boolean explicitTx, String lockTimeout, String statementTimeout) {

  /** The same statement in the same context, as {@code c} classifies it (c must be of the same SQL statement). */
  public ReviewStatement withClassified(ClassifiedStatement c) {
    if (c.statement() != classified.statement()) throw new IllegalArgumentException("not the same statement: " + c.statement());
    return c == classified ? this : new ReviewStatement(c, ordinal, index, impact, txId, explicitTx, lockTimeout, statementTimeout);
  }

  public boolean inTransaction() {
    return txId >= 0;
  }

  public StatementKind kind() {
    return classified.kind();
  }

  public SqlStatement sql() {
    return classified.statement();
  }

  public String text() {
    return classified.text();
  }

  /** Tables named after REFERENCES (foreign keys of CREATE TABLE / ALTER TABLE), as written, in order. */
  public java.util.List<String> referencedTables() {
    return References.of(classified.text());
  }

  /** The locked relation as written, or null. */
  public String target() {
    return classified.target();
  }
}
