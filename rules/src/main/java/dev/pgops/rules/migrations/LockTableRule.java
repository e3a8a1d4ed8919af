package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.LockLevel;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * An explicit LOCK TABLE in SHARE mode or stronger on an existing table: held until the transaction ends, and while
 * it waits every later query on the table queues behind it. Low when NOWAIT or a lock_timeout bounds the wait.
 * Outside a transaction block LOCK TABLE fails.
 */
@RuleInfo(id = "lock-table", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.MEDIUM,
    summary = "An explicit LOCK TABLE blocks writes (or all access) to an existing table until the transaction ends")
public final class LockTableRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.LOCK) return;
    LockLevel level = LockLevel.parse(s.classified().lockMode());
    if (!level.blocksWrites()) return;
    String t = Targets.largestExisting(s, ctx, s.classified().targets());
    if (t == null) return;
    String lock = "LOCK TABLE " + String.join(", ", s.classified().targets()) + " IN " + level.sqlName() + " MODE";
    if (!s.inTransaction()) {
      ctx.at(s, lock + " runs outside a transaction block, so it fails (ERROR: LOCK TABLE can only be used in "
              + "transaction blocks) — and if the script goes on, the statements it was meant to protect run unlocked")
          .onTable(t)
          .remediation("BEGIN;\nSET LOCAL lock_timeout = '2s';\n" + lock + ";\n-- the work that needs the lock\nCOMMIT;")
          .report();
      return;
    }
    boolean nowait = s.classified().has(Flag.NOWAIT);
    boolean bounded = nowait || Timeouts.isSet(s.lockTimeout()) || ctx.facts().timeouts().containsKey("lock_timeout");
    ctx.at(s, lock + " blocks " + level.blocks() + " on " + t + " until the transaction ends"
            + (bounded ? "" : "; with neither NOWAIT nor lock_timeout it waits behind every running transaction on "
                + t + ", and every later query on " + t + " queues behind the waiting request"))
        .onTable(t)
        .severity(bounded ? Severity.LOW : Severity.MEDIUM)
        .evidence("lockMode", level.sqlName())
        .evidence("nowait", nowait)
        .remediation("Take the weakest lock the work needs (each DDL statement takes its own lock; often no explicit "
            + "LOCK is needed), as late as possible, and COMMIT right after the work"
            + (nowait ? "." : "; bound the wait and retry when it fails: " + lock + " NOWAIT;  -- or SET LOCAL "
                + "lock_timeout = '2s' before it"))
        .report();
  }
}
