package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;

/**
 * Once per file, for the statements whose run time grows with an existing table (rewrite, scan, index build, bulk
 * UPDATE / DELETE) with no statement_timeout in force. Medium, at the first of them that blocks writes while it runs
 * (a lock of SHARE or stronger, or row locks on every row); low otherwise. Non-blocking work such as a concurrent
 * index build gets a generous limit, never a short one: cancelling it leaves an INVALID index.
 */
@RuleInfo(id = "missing-statement-timeout", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.LOW,
    summary = "A statement whose run time grows with the table runs with no statement_timeout, so nothing bounds it")
public final class MissingStatementTimeoutRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    List<ReviewStatement> risky = Timeouts.unbounded(file, ctx, "statement_timeout", ReviewStatement::statementTimeout,
        s -> s.impact().sizeDependent());
    if (risky.isEmpty()) return;
    List<ReviewStatement> blocking = risky.stream().filter(MissingStatementTimeoutRule::blocksWrites).toList();
    ReviewStatement at = blocking.isEmpty() ? risky.get(0) : blocking.get(0);
    StringBuilder fix = new StringBuilder();
    if (!blocking.isEmpty()) {
      fix.append("SET statement_timeout = '5min';  -- before the blocking statements: the longest outage you accept "
          + "for this change (size it from the estimated duration); retry or reschedule when it fires");
    }
    if (blocking.size() < risky.size()) {
      if (fix.length() > 0) fix.append('\n');
      fix.append("SET statement_timeout = '6h';  -- before non-blocking work (concurrent index builds, VALIDATE "
          + "CONSTRAINT, VACUUM): generous, only a guard against a runaway; a cancelled concurrent build leaves an "
          + "INVALID index to drop and rebuild");
    }
    ctx.at(at, at.impact().operation() + " on " + at.target() + " runs with no statement_timeout: its run time grows "
            + "with the table" + holding(at) + ", and nothing stops it if it takes far longer than planned"
            + (risky.size() > 1 ? " (" + risky.size() + " such statements in this file)" : ""))
        .severity(blocking.isEmpty() ? Severity.LOW : Severity.MEDIUM)
        .evidence("statementsWithoutStatementTimeout", risky.size())
        .evidence("blockingStatements", blocking.size())
        .remediation(fix.toString())
        .report();
  }

  private static boolean blocksWrites(ReviewStatement s) {
    return s.impact().lock().blocksWrites() || s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE;
  }

  private static String holding(ReviewStatement s) {
    if (s.impact().lock().blocksWrites()) {
      return " while it holds " + s.impact().lock().sqlName() + ", which blocks " + s.impact().lock().blocks();
    }
    return blocksWrites(s) ? " while every row it changes stays locked against other writers" : "";
  }
}
