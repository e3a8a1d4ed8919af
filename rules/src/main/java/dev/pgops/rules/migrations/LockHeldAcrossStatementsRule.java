package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.LockLevel;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lock is held until the transaction ends, not until the statement that took it ends. Once a transaction holds
 * ACCESS EXCLUSIVE on an existing table, a later statement of the same transaction that does work growing with a
 * table (a backfill, an index build, a validation) or waits for a strong lock on another existing table keeps every
 * reader and writer of the first table waiting. Reported once per transaction, at the first such statement.
 */
@RuleInfo(id = "lock-held-across-statements", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.MEDIUM,
    summary = "A later statement of the same transaction runs while ACCESS EXCLUSIVE is still held on an existing table")
public final class LockHeldAcrossStatementsRule implements MigrationRule {

  /** ACCESS EXCLUSIVE held on {@code table} since {@code by}. */
  private record Held(String table, ReviewStatement by) {}

  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    Map<Integer, List<Held>> held = new HashMap<>();
    Set<Integer> reported = new HashSet<>();
    for (ReviewStatement s : file.statements()) {
      if (!s.inTransaction()) continue;
      List<Held> locks = held.getOrDefault(s.txId(), List.of());
      if (!locks.isEmpty() && !reported.contains(s.txId())) {
        Held h = whileHeld(s, locks, ctx);
        if (h != null) {
          reported.add(s.txId());
          report(s, h, ctx);
        }
      }
      if (takesAccessExclusive(s, ctx)) held.computeIfAbsent(s.txId(), k -> new ArrayList<>()).add(new Held(s.target(), s));
    }
  }

  private static boolean takesAccessExclusive(ReviewStatement s, ReviewContext ctx) {
    // a dropped relation has no readers left to block; DROP INDEX names the index, not the locked table
    return s.impact().lock() == LockLevel.ACCESS_EXCLUSIVE && s.target() != null && !ctx.targetIsNew(s)
        && s.kind() != StatementKind.DROP_TABLE && s.kind() != StatementKind.DROP_VIEW
        && s.kind() != StatementKind.DROP_INDEX;
  }

  /** The held lock {@code s} prolongs, or null when {@code s} is quick and stays on the locked tables. */
  private static Held whileHeld(ReviewStatement s, List<Held> locks, ReviewContext ctx) {
    // statements refused inside a transaction fail there: concurrently-in-transaction reports them
    if (s.target() == null || ctx.targetIsNew(s) || !s.impact().transactional()) return null;
    Held same = null;
    for (Held h : locks) if (same == null && same(h.table(), s.target())) same = h;
    if (same != null) {
      // on the locked table itself: only work that would not block reads on its own is made worse
      boolean backfill = s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE;
      boolean slowUnderWeakerLock = s.impact().sizeDependent() && s.impact().lock() != LockLevel.ACCESS_EXCLUSIVE;
      return backfill || slowUnderWeakerLock ? same : null;
    }
    boolean strongElsewhere = s.impact().lock().ordinal() >= LockLevel.SHARE.ordinal()
        || s.impact().otherLock().ordinal() >= LockLevel.SHARE.ordinal();
    return s.impact().sizeDependent() || strongElsewhere ? locks.get(0) : null;
  }

  private static boolean same(String a, String b) {
    return Names.normalize(a).equals(Names.normalize(b));
  }

  private static void report(ReviewStatement s, Held h, ReviewContext ctx) {
    boolean onHeld = same(h.table(), s.target());
    boolean slow = s.impact().sizeDependent() || s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE;
    String what = slow
        ? "for as long as it runs (its run time grows with " + s.target() + ")"
        : "while it waits for " + s.impact().lock().max(s.impact().otherLock()).sqlName() + " on " + s.target()
            + " and until COMMIT (two strong locks in one transaction also invite deadlocks)";
    var b = ctx.at(s, s.impact().operation() + (onHeld ? "" : " on " + s.target()) + " runs while this transaction "
            + "still holds ACCESS EXCLUSIVE on " + h.table() + " (taken by " + h.by().impact().operation() + " at line "
            + h.by().sql().line() + "): every read and write of " + h.table() + " waits " + what)
        .evidence("heldTable", Names.normalize(h.table()))
        .evidence("heldSinceLine", h.by().sql().line())
        .remediation(remediation(s, h, slow, ctx));
    if (slow) {
      b.onTable(s.target()).sizeSensitive();
    } else {
      // a lock_timeout bounds how long the second lock request can keep the first table blocked
      boolean bounded = Timeouts.isSet(s.lockTimeout()) || ctx.facts().timeouts().containsKey("lock_timeout");
      b.onTable(h.table()).severity(bounded ? Severity.LOW : Severity.MEDIUM);
    }
    b.report();
  }

  private static String remediation(ReviewStatement s, Held h, boolean slow, ReviewContext ctx) {
    String split = s.explicitTx()
        ? "COMMIT right after the statement at line " + h.by().sql().line() + " and run this one in a later transaction"
        : "Move this statement to a separate migration (" + TxShape.wraps(ctx) + "), so the lock taken at line "
            + h.by().sql().line() + " is released first";
    if (s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE) {
      return split + "; run the backfill in batches of a few thousand rows, each committed on its own "
          + "(see unbounded-update-delete).";
    }
    if (s.kind() == StatementKind.CREATE_INDEX) {
      return split + "; build the index with CREATE INDEX CONCURRENTLY outside any transaction.";
    }
    if (slow) return split + ".";
    return split + "; lock one busy table per transaction (and always in the same order) so no lock is held while "
        + "waiting for another.";
  }
}
