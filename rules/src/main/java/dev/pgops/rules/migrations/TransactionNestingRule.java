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
 * BEGIN / COMMIT that do not match the transaction the file really runs in: a BEGIN inside an open transaction
 * (PostgreSQL ignores it with a warning, and the first COMMIT commits everything), BEGIN or COMMIT / ROLLBACK in a
 * file the runner already wraps (the file's COMMIT ends the runner's transaction early, so the migration is no
 * longer atomic), COMMIT / ROLLBACK that ends a golang-migrate / Prisma implicit transaction early, and a COMMIT
 * with no transaction to end (only a warning, but a sign the BEGIN is missing). One finding per mismatch.
 */
@RuleInfo(id = "transaction-nesting", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.MEDIUM,
    summary = "BEGIN or COMMIT does not match the transaction the file runs in, so the migration is not atomic as written")
public final class TransactionNestingRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    TransactionMode mode = file.mode();
    ReviewStatement openedBy = null;  // explicit BEGIN still open
    boolean wrappedBeginReported = false;
    int ignoredBegins = 0;  // nested BEGINs reported: their COMMITs find no transaction, same mistake
    for (ReviewStatement s : file.statements()) {
      if (TransactionControl.begins(s.classified())) {
        if (openedBy != null) {
          ignoredBegins++;
          ctx.at(s, "BEGIN inside the transaction opened at line " + openedBy.sql().line() + ": PostgreSQL ignores it "
                  + "(WARNING: there is already a transaction in progress), so the first COMMIT commits everything "
                  + "since line " + openedBy.sql().line() + " and a ROLLBACK undoes all of it — there is no nested transaction")
              .evidence("openedAtLine", openedBy.sql().line())
              .remediation("Remove the inner BEGIN (and its COMMIT), or COMMIT the first transaction before it; use "
                  + "SAVEPOINT name / ROLLBACK TO SAVEPOINT name for a nested scope.")
              .report();
          continue;
        }
        openedBy = s;
        if (mode == TransactionMode.PER_FILE) {
          wrappedBeginReported = true;
          ctx.at(s, "BEGIN in a file that is already run in a transaction (" + TxShape.wraps(ctx) + "): PostgreSQL "
                  + "ignores it with a warning, and the file's COMMIT then ends the runner's transaction early — "
                  + "statements after it run outside the migration's transaction, and the runner's own COMMIT finds "
                  + "no transaction")
              .evidence("runner", ctx.options().runner().id())
              .remediation("Remove BEGIN and COMMIT: the runner already makes the file atomic. For several "
                  + "transactions, split the file into several migrations, or " + unwrap(ctx))
              .report();
        }
      } else if (TransactionControl.ends(s.classified())) {
        if (openedBy != null) {
          openedBy = null;
          continue;  // a wrapped BEGIN … COMMIT is one finding, at the BEGIN
        }
        if (ignoredBegins > 0) {
          ignoredBegins--;
          continue;
        }
        String word = s.text().strip().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
        switch (mode) {
          case PER_FILE -> {
            if (wrappedBeginReported) continue;
            ctx.at(s, word + " in a file that is already run in a transaction (" + TxShape.wraps(ctx) + ") ends "
                    + "the runner's transaction early: " + (word.equals("COMMIT") || word.equals("END")
                        ? "everything before it is committed even if a later statement fails"
                        : "everything before it is undone, yet the migration goes on and is recorded as applied")
                    + ", later statements run outside the migration's transaction, and the runner's own COMMIT finds "
                    + "no transaction")
                .evidence("runner", ctx.options().runner().id())
                .remediation("Remove it: the runner commits at the end of the file. For two transactions, split "
                    + "the file into two migrations, or " + unwrap(ctx))
                .report();
          }
          case IMPLICIT -> ctx.at(s, word + " ends the implicit transaction " + ctx.options().runner().id()
                  + " runs this file in: statements before it are " + (word.equals("COMMIT") || word.equals("END")
                      ? "committed" : "undone") + " on their own, and the rest of the file runs as a new transaction")
              .evidence("runner", ctx.options().runner().id())
              .remediation("Wrap the statements in an explicit BEGIN … COMMIT, or split the file into two migrations "
                  + "if two transactions are intended.")
              .report();
          case NONE -> ctx.at(s, word + " with no transaction in progress: every statement before it has already "
                  + "committed on its own (WARNING: there is no transaction in progress) — probably a BEGIN is missing")
              .severity(Severity.LOW)
              .remediation("Add BEGIN; where the transaction should start, or remove the stray " + word + ".")
              .report();
          default -> { }
        }
      }
    }
  }

  private static String unwrap(ReviewContext ctx) {
    return "tell the runner not to wrap this migration (Flyway executeInTransaction=false, Liquibase "
        + "runInTransaction:false, Rails disable_ddl_transaction!, Django atomic = False) and keep BEGIN … COMMIT.";
  }
}
