package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/** DROP COLUMN on an existing table: the data is gone and clients that still use the column fail. */
@RuleInfo(id = "drop-column", area = Area.MIGRATIONS, checklist = "MIG-5", severity = Severity.MEDIUM,
    summary = "DROP COLUMN breaks every client that still reads or writes the column, and its data is gone")
public final class DropColumnRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() != AlterAction.Kind.DROP_COLUMN || a.name() == null) continue;
      boolean cascade = a.text().toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bCASCADE\\b.*");
      ctx.at(s, "DROP COLUMN " + a.name() + " on " + s.target() + ": application code that still selects, inserts or "
              + "updates it fails at once (ORMs that cache the column list fail even without using it), and its data "
              + "is gone; the ACCESS EXCLUSIVE lock is brief (catalog-only) but queues behind running queries"
              + (cascade ? "; CASCADE also drops the views and constraints that depend on it" : ""))
          .subject(a.name())
          .evidence("column", a.name())
          .remediation("-- 1. stop using the column in the application and deploy that first (Rails: "
              + "self.ignored_columns += [\"" + a.name() + "\"]; Django: SeparateDatabaseAndState; others: remove it "
              + "from queries and mappings)\n"
              + "-- 2. drop indexes on it without blocking: DROP INDEX CONCURRENTLY IF EXISTS <index on " + a.name() + ">;\n"
              + "-- 3. then, in a later migration, with a lock_timeout:\n"
              + "SET lock_timeout = '2s';\n"
              + "ALTER TABLE " + s.target() + " DROP COLUMN IF EXISTS " + a.name() + ";")
          .report();
    }
  }
}
