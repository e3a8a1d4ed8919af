package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.LockLevel;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;

/**
 * Once per file, at the first statement that takes a lock blocking writes on an existing table with no
 * lock_timeout in force: a lock request that waits behind a long query makes every later query on the table
 * queue behind it.
 */
@RuleInfo(id = "missing-lock-timeout", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.MEDIUM,
    summary = "A lock that blocks writes is requested with no lock_timeout, so a wait stalls all traffic on the table")
public final class MissingLockTimeoutRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    List<ReviewStatement> risky = Timeouts.unbounded(file, ctx, "lock_timeout", ReviewStatement::lockTimeout,
        s -> s.impact().lock().ordinal() >= LockLevel.SHARE.ordinal()
            || s.impact().otherLock().ordinal() >= LockLevel.SHARE.ordinal());
    if (risky.isEmpty()) return;
    ReviewStatement first = risky.get(0);
    ctx.at(first, first.impact().operation() + " requests " + first.impact().lock().sqlName() + " on " + first.target()
            + " with no lock_timeout: if it waits behind a long query, every query on the table queues behind it"
            + (risky.size() > 1 ? " (" + risky.size() + " such statements in this file)" : ""))
        .evidence("statementsWithoutLockTimeout", risky.size())
        .remediation("SET lock_timeout = '2s'; at the top of the migration (or ALTER ROLE <migration role> SET "
            + "lock_timeout = '2s'), and retry the migration when it times out.")
        .report();
  }
}
