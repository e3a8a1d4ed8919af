package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.Dml;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Fmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UPDATE / DELETE with no top-level WHERE on a table that existed before the review: every row in one transaction.
 * Tables created earlier in the review are exempt. Holding an ACCESS EXCLUSIVE lock of the same transaction during
 * a (bounded) backfill is lock-held-across-statements' concern.
 */
@RuleInfo(id = "unbounded-update-delete", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.MEDIUM,
    summary = "UPDATE or DELETE without WHERE changes every row of an existing table in one transaction")
public final class UnboundedUpdateDeleteRule implements MigrationRule {
  static final int BATCH = 5000;
  private static final Pattern RETURNING = Pattern.compile("(?is)^(.*?)(\\s+RETURNING\\s+.*)$");

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.UPDATE && s.kind() != StatementKind.DELETE) return;
    if (s.target() == null || ctx.targetIsNew(s) || Dml.hasWhere(s.classified())) return;
    String t = s.target();
    long rows = ctx.table(t).map(TableFacts::estimatedRows).orElse(-1L);
    String count = rows >= 0 ? "~" + Fmt.count(rows) + " rows" : "every row";
    boolean update = s.kind() == StatementKind.UPDATE;
    String msg = update
        ? "UPDATE " + t + " without WHERE rewrites " + count + " in one transaction: each row gets a new version (the "
            + "table and its indexes can grow up to twice their size until vacuumed), all of it is written to WAL "
            + "(replica lag), and every row stays locked against other writers until commit"
        : "DELETE FROM " + t + " without WHERE deletes " + count + " in one transaction: every row stays locked until "
            + "commit, all of it is written to WAL (replica lag), and the table does not shrink — the dead rows wait "
            + "for VACUUM";
    ctx.at(s, msg)
        .sizeSensitive()
        .evidence("where", "none")
        .remediation("Outside the schema migration, in batches committed one by one (pause between batches so "
            + "replicas and autovacuum keep up):\n" + batched(s.text()) + "  -- repeat for :start += " + BATCH
            + " over the key range; id = the primary key or another indexed key"
            + (update ? "" : "\nTo empty the table, TRUNCATE " + t + " is instant and leaves no dead rows (but takes "
                + "ACCESS EXCLUSIVE briefly and is not MVCC-safe for concurrent readers)."))
        .report();
  }

  /** The statement limited to one key range: {@code UPDATE t SET a = 1} → {@code UPDATE t SET a = 1 WHERE id >= …}. */
  static String batched(String sql) {
    String body = sql.strip();
    String tail = "";
    Matcher m = RETURNING.matcher(body);
    if (m.matches()) {
      body = m.group(1);
      tail = m.group(2);
    }
    return body + " WHERE id >= :start AND id < :start + " + BATCH + tail + ";";
  }
}
