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
    if (ctx.facts().timeouts().containsKey("lock_timeout")) return;
    List<ReviewStatement> risky = file.statements().stream()
        .filter(s -> !Timeouts.isSet(s.lockTimeout()))
        .filter(s -> lockedExistingTable(s, ctx) != null)
        .toList();
    if (risky.isEmpty()) return;
    ReviewStatement first = risky.get(0);
    String table = lockedExistingTable(first, ctx);
    boolean own = table.equals(first.target());
    ctx.at(first, first.impact().operation() + " requests "
            + (own ? first.impact().lock() : first.impact().otherLock()).sqlName() + " on " + table
            + " with no lock_timeout: if it waits behind a long query, every query on the table queues behind it"
            + (risky.size() > 1 ? " (" + risky.size() + " such statements in this file)" : ""))
        .onTable(table)
        .evidence("statementsWithoutLockTimeout", risky.size())
        .remediation("SET lock_timeout = '2s'; at the top of the migration (or ALTER ROLE <migration role> SET "
            + "lock_timeout = '2s'), and retry the migration when it times out.")
        .report();
  }

  /** The existing table on which the statement requests a lock that blocks writes, or null. */
  private static String lockedExistingTable(ReviewStatement s, ReviewContext ctx) {
    if (s.impact().lock().ordinal() >= LockLevel.SHARE.ordinal() && s.target() != null && !ctx.targetIsNew(s)
        && !createsTarget(s)) {
      return s.target();
    }
    if (s.impact().otherLock().ordinal() >= LockLevel.SHARE.ordinal()) {
      for (String t : s.referencedTables()) if (!ctx.isNew(t, s)) return t;
    }
    return null;
  }

  private static boolean createsTarget(ReviewStatement s) {
    return switch (s.kind()) {
      case CREATE_TABLE, CREATE_TABLE_AS, CREATE_MATERIALIZED_VIEW -> true;
      default -> false;
    };
  }
}
