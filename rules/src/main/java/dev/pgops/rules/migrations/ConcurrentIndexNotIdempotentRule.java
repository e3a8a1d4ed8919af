package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * A concurrent index operation that cannot simply be re-run. CONCURRENTLY runs outside a transaction, so a failure
 * part-way is not rolled back: a failed CREATE INDEX CONCURRENTLY leaves an INVALID index under its name, and the
 * retried migration fails with "already exists"; a retried DROP INDEX CONCURRENTLY fails once the index is gone.
 */
@RuleInfo(id = "concurrent-index-not-idempotent", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.LOW,
    summary = "A concurrent index build or drop without IF [NOT] EXISTS cannot be re-run after a partial failure")
public final class ConcurrentIndexNotIdempotentRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!s.classified().has(Flag.CONCURRENTLY)) return;
    if (s.kind() == StatementKind.CREATE_INDEX && s.classified().targets().size() > 1
        && !s.classified().has(Flag.IF_NOT_EXISTS)) {
      String index = s.classified().targets().get(1);
      ctx.at(s, "CREATE INDEX CONCURRENTLY " + index + " has no IF NOT EXISTS: if the build fails (deadlock, "
              + "unique violation, lock_timeout, cancel) it leaves an INVALID index named " + index
              + ", and re-running the migration fails with \"relation already exists\"")
          .evidence("index", index)
          .remediation("Drop a leftover first, then build idempotently: DROP INDEX CONCURRENTLY IF EXISTS " + index
              + "; (only when SELECT indisvalid FROM pg_index WHERE indexrelid = '" + index + "'::regclass is false) "
              + Rewrite.concurrently(s.text().replaceFirst("(?i)\\s+CONCURRENTLY\\b", ""), "INDEX")
              + " — note IF NOT EXISTS alone would silently keep an INVALID leftover.")
          .report();
    } else if (s.kind() == StatementKind.DROP_INDEX && !s.classified().has(Flag.IF_EXISTS)) {
      String index = String.join(", ", s.classified().targets());
      ctx.at(s, "DROP INDEX CONCURRENTLY " + index + " has no IF EXISTS: a migration re-run after a later failure "
              + "(or on a database where the index is already gone) fails with \"index does not exist\"")
          .evidence("index", index)
          .remediation(Rewrite.concurrently(s.text().replaceFirst("(?i)\\s+CONCURRENTLY\\b", ""), "INDEX"))
          .report();
    }
  }
}
