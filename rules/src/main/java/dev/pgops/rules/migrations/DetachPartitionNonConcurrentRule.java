package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.Locale;

/**
 * ALTER TABLE … DETACH PARTITION without CONCURRENTLY (FINALIZE completes a concurrent detach and is left out):
 * ACCESS EXCLUSIVE on the parent blocks every query on the whole partitioned table.
 */
@RuleInfo(id = "detach-partition-non-concurrent", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.MEDIUM,
    summary = "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table and the partition")
public final class DetachPartitionNonConcurrentRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() != AlterAction.Kind.DETACH_PARTITION) continue;
      String text = a.text().toUpperCase(Locale.ROOT);
      if (text.matches("(?s).*\\b(CONCURRENTLY|FINALIZE)\\b.*")) continue;
      String part = a.name() == null ? "<partition>" : a.name();
      String lock = "DETACH PARTITION " + part + " takes ACCESS EXCLUSIVE on " + s.target() + " and on " + part
          + ": it waits for every running query on the partitioned table, and every query on any of its partitions "
          + "waits behind it";
      String message;
      String fix;
      if (ctx.major() >= 14) {
        message = lock + "; PostgreSQL 14+ can detach CONCURRENTLY, with SHARE UPDATE EXCLUSIVE (reads and writes "
            + "continue)";
        fix = "-- in a migration of its own, outside a transaction (not possible when the table has a DEFAULT "
            + "partition):\nALTER TABLE " + s.target() + " DETACH PARTITION " + part + " CONCURRENTLY;\n"
            + "-- if it is interrupted: ALTER TABLE " + s.target() + " DETACH PARTITION " + part + " FINALIZE;";
      } else {
        message = lock + "; the lock is brief once granted, but the queue behind it stalls the table (CONCURRENTLY "
            + "needs PostgreSQL 14)";
        fix = "-- bound the wait and run it when the table is quiet (retry on timeout):\nSET lock_timeout = '2s';\n"
            + "ALTER TABLE " + s.target() + " DETACH PARTITION " + part + ";\n"
            + "-- on PostgreSQL 14+: DETACH PARTITION … CONCURRENTLY";
      }
      ctx.at(s, message)
          .subject(part)
          .evidence("partition", part)
          .remediation(fix)
          .report();
    }
  }
}
