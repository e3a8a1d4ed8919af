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
import java.util.List;

/**
 * A lock_timeout above 10 s in force when the file requests a lock that blocks writes on an existing table: the
 * timeout bounds how long the request may wait, and every query on the table waits behind the request for as long.
 * Reported at the SET (or, for a role or database setting, at the first such statement).
 */
@RuleInfo(id = "lock-timeout-too-long", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.LOW,
    summary = "lock_timeout is longer than 10 s, so a waiting lock request can stall all traffic on the table that long")
public final class LockTimeoutTooLongRule implements MigrationRule {
  static final long LIMIT_MS = 10_000;

  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    List<ReviewStatement> all = file.statements();
    for (int i = 0; i + 1 < all.size(); i++) {
      ReviewStatement set = all.get(i);
      if (set.kind() != StatementKind.SET || !"lock_timeout".equals(Names.simple(set.target()))) continue;
      String value = all.get(i + 1).lockTimeout();  // the value in force right after the SET
      if (Timeouts.millis(value) <= LIMIT_MS) continue;
      List<ReviewStatement> affected = all.subList(i + 1, all.size()).stream()
          .takeWhile(s -> !(s.kind() == StatementKind.SET && "lock_timeout".equals(Names.simple(s.target()))))
          .filter(s -> value.equals(s.lockTimeout()) && blocking(s, ctx))
          .toList();
      if (!affected.isEmpty()) report(set, affected, value, "", ctx);
    }
    String role = ctx.facts().timeouts().get("lock_timeout");
    if (role != null) {
      String value = role.substring(role.lastIndexOf(':') + 1).strip();
      if (Timeouts.millis(value) > LIMIT_MS) {
        List<ReviewStatement> affected = all.stream().filter(s -> s.lockTimeout() == null && blocking(s, ctx)).toList();
        if (!affected.isEmpty()) report(affected.get(0), affected, value, " (" + role + ")", ctx);
      }
    }
  }

  private static boolean blocking(ReviewStatement s, ReviewContext ctx) {
    return (s.impact().lock().ordinal() >= LockLevel.SHARE.ordinal()
        || s.impact().otherLock().ordinal() >= LockLevel.SHARE.ordinal())
        && s.target() != null && !ctx.targetIsNew(s);
  }

  private static void report(ReviewStatement at, List<ReviewStatement> affected, String written, String where,
      ReviewContext ctx) {
    ReviewStatement first = affected.get(0);
    String value = written.matches("\\d+") ? written + " ms" : written;  // a bare number is milliseconds
    ctx.at(at, "lock_timeout = " + value + where + " lets a lock request wait that long: while " + first.impact().operation()
            + " (line " + first.sql().line() + ") waits for " + first.impact().lock().sqlName() + " on " + first.target()
            + ", every later query on " + first.target() + " queues behind it, so traffic on the table can stall for "
            + value + " at each attempt" + (affected.size() > 1 ? " (" + affected.size() + " such statements)" : ""))
        .onTable(first.target())
        .evidence("lockTimeout", value)
        .evidence("lockTimeoutMillis", Timeouts.millis(written))
        .evidence("firstBlockingStatementLine", first.sql().line())
        .remediation("SET lock_timeout = '2s';  -- a few seconds at most; retry the migration (or the statement) when "
            + "it times out: several short waits hurt far less than one long one")
        .report();
  }
}
