package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.LockLevel;
import dev.pgops.review.LockModel;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * VALIDATE CONSTRAINT inside the transaction that added the constraint NOT VALID, or that already took a lock
 * blocking writes on the same table: locks are held until COMMIT, so the validating scan runs under that lock and
 * the NOT VALID / VALIDATE split gains nothing.
 */
@RuleInfo(id = "validate-in-same-transaction", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "VALIDATE CONSTRAINT runs in the transaction that already holds a strong lock on the table")
public final class ValidateInSameTransactionRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    for (ReviewStatement v : file.statements()) {
      if (v.kind() != StatementKind.ALTER_TABLE || !v.inTransaction() || v.target() == null || ctx.targetIsNew(v)) continue;
      for (AlterAction validate : v.classified().alterActions()) {
        if (validate.kind() != AlterAction.Kind.VALIDATE_CONSTRAINT || validate.name() == null) continue;
        String reason = reason(file, v, validate, ctx);
        if (reason == null) continue;
        String fix = v.explicitTx()
            ? "COMMIT before ALTER TABLE " + v.target() + " VALIDATE CONSTRAINT " + validate.name()
                + " so it runs in a transaction of its own (SHARE UPDATE EXCLUSIVE: reads and writes continue)."
            : "Move ALTER TABLE " + v.target() + " VALIDATE CONSTRAINT " + validate.name() + " to a separate "
                + "migration: " + ctx.options().runner().id() + " runs this whole file in one transaction.";
        ctx.at(v, "VALIDATE CONSTRAINT " + validate.name() + " on " + v.target() + " runs in the same transaction as "
                + reason + "; locks are held until COMMIT, so the validating scan runs under that lock and the "
                + "NOT VALID / VALIDATE split gains nothing")
            .evidence("constraint", validate.name())
            .sizeSensitive()
            .remediation(fix)
            .report();
      }
    }
  }

  /** Why the validation runs under a strong lock, or null: the NOT VALID add first, else an earlier write-blocking lock. */
  private static String reason(ReviewFile file, ReviewStatement v, AlterAction validate, ReviewContext ctx) {
    String table = Names.normalize(v.target());
    String constraint = Names.simple(validate.name());
    String lock = null;
    for (ReviewStatement x : file.statements()) {
      if (x.index() > v.index()) break;
      if (x.txId() != v.txId() || x.target() == null || !Names.normalize(x.target()).equals(table)) continue;
      if (x.kind() == StatementKind.ALTER_TABLE) {
        for (AlterAction a : x.classified().alterActions()) {
          if (a == validate) break;
          ConstraintClause c = ConstraintClause.of(a);
          LockLevel level = x == v ? actionLock(a, x, ctx) : x.impact().lock();
          if (c != null && c.notValid() && c.name() != null && Names.simple(c.name()).equals(constraint)) {
            return "its NOT VALID add (line " + x.sql().line() + ", " + level.sqlName() + " on " + v.target() + ")";
          }
          if (lock == null && level.blocksWrites()) lock = describe(x, level);
        }
      } else if (x != v && lock == null && x.impact().lock().blocksWrites()) {
        lock = describe(x, x.impact().lock());
      }
    }
    return lock;
  }

  private static LockLevel actionLock(AlterAction a, ReviewStatement x, ReviewContext ctx) {
    return LockModel.lookup(LockModel.alterOperation(a, x.classified(), LockModel.ColumnTypes.UNKNOWN), ctx.major()).lock();
  }

  private static String describe(ReviewStatement x, LockLevel level) {
    return x.impact().operation() + " (line " + x.sql().line() + "), which took " + level.sqlName() + " on " + x.target();
  }
}
