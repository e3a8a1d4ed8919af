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
 * CREATE INDEX CONCURRENTLY / REINDEX CONCURRENTLY on PostgreSQL 14.0–14.3, whose concurrent builds could miss rows
 * changed during the build (fixed in 14.4). Needs the exact minor release: silent when only the major is known.
 */
@RuleInfo(id = "pg14-concurrent-index-bug", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.HIGH,
    summary = "A concurrent index build on PostgreSQL 14.0–14.3 can silently produce a corrupt index")
public final class Pg14ConcurrentIndexBugRule implements MigrationRule {
  static final int FIRST_AFFECTED = 140000;
  static final int LAST_AFFECTED = 140003;

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    int v = ctx.facts().versionNum();
    if (v < FIRST_AFFECTED || v > LAST_AFFECTED || !s.classified().has(Flag.CONCURRENTLY)) return;
    if (s.kind() != StatementKind.CREATE_INDEX && s.kind() != StatementKind.REINDEX) return;
    // a table created earlier in the review has no concurrent writers whose changes the build could miss
    if (s.kind() == StatementKind.CREATE_INDEX && ctx.targetIsNew(s)) return;
    String version = (v / 10000) + "." + (v % 10000);
    String op = s.kind() == StatementKind.CREATE_INDEX ? "CREATE INDEX CONCURRENTLY" : "REINDEX CONCURRENTLY";
    ctx.at(s, op + " on PostgreSQL " + version + ": releases 14.0–14.3 can build an index that silently misses rows "
            + "inserted or updated during the build (fixed in 14.4); queries using it then return wrong results and "
            + "unique indexes stop enforcing uniqueness")
        .evidence("serverVersionNum", v)
        .remediation("Upgrade to PostgreSQL 14.4 or later (a minor upgrade: new binaries and a restart) before running "
            + "concurrent index builds. Indexes built or rebuilt concurrently on 14.0–14.3 may already be corrupt: "
            + "check them with amcheck (pg_amcheck --heapallindexed) and REINDEX those that fail.")
        .report();
  }
}
