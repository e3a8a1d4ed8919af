package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TransactionControl;
import dev.pgops.review.TransactionMode;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * An explicit BEGIN with no COMMIT / ROLLBACK before the end of a file that runs without a runner transaction
 * (psql, sqitch): the session ends with the transaction open and PostgreSQL rolls it back, yet psql exits 0. Files a
 * runner wraps are left to transaction-nesting (the runner's COMMIT ends the transaction).
 */
@RuleInfo(id = "uncommitted-transaction", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.HIGH,
    summary = "BEGIN is never committed, so the migration's changes are rolled back when the session ends")
public final class UncommittedTransactionRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    if (file.mode() != TransactionMode.NONE) return;
    ReviewStatement open = null;
    int after = 0;
    for (ReviewStatement s : file.statements()) {
      if (TransactionControl.begins(s.classified())) {
        if (open == null) {
          open = s;
          after = 0;
        }
      } else if (TransactionControl.ends(s.classified())) {
        open = null;
      } else if (open != null) {
        after++;
      }
    }
    if (open == null) return;
    ctx.at(open, "BEGIN at line " + open.sql().line() + " has no COMMIT before the end of the file: when the session "
            + "ends (psql -f exits at the end of the file) the open transaction is rolled back, so the "
            + after + " statement(s) after BEGIN are undone — and psql still exits 0, so the migration looks applied")
        .evidence("statementsInTransaction", after)
        .remediation("Add COMMIT; after the last statement of the transaction.")
        .report();
  }
}
