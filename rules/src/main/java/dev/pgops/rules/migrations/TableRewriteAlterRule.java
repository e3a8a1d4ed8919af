package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.AlterAction.Kind;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ALTER TABLE … SET LOGGED / SET UNLOGGED / SET ACCESS METHOD on an existing table: a full rewrite under ACCESS EXCLUSIVE. */
@RuleInfo(id = "table-rewrite-alter", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.HIGH,
    summary = "SET LOGGED, SET UNLOGGED or SET ACCESS METHOD rewrites the whole table under ACCESS EXCLUSIVE")
public final class TableRewriteAlterRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.ALTER_TABLE || s.target() == null || ctx.targetIsNew(s)) return;
    String t = s.target();
    List<String> what = new ArrayList<>();
    List<String> fix = new ArrayList<>();
    boolean fails = false;
    for (AlterAction a : s.classified().alterActions()) {
      String text = a.text().toUpperCase(Locale.ROOT);
      if (a.kind() == Kind.SET_LOGGED) {
        what.add("SET LOGGED also writes the whole table to WAL: replicas and WAL archiving must absorb a table-sized "
            + "burst (replication lag, WAL disk use)");
        fix.add("Create tables that must survive a crash as logged from the start. For an existing unlogged table, "
            + "copy it in batches into a new logged table and swap the names in one short transaction, or run SET "
            + "LOGGED in a maintenance window while watching replica lag (pg_stat_replication.replay_lag).");
      } else if (a.kind() == Kind.SET_UNLOGGED) {
        what.add("SET UNLOGGED leaves the table out of WAL: it is emptied after a crash and its rows are not "
            + "available on replicas");
        fix.add("Keep production data logged. For a scratch or staging table, create it UNLOGGED from the start.");
      } else if (a.kind() == Kind.OTHER && text.matches("^SET\\s+ACCESS\\s+METHOD\\b.*")) {
        String method = a.text().replaceFirst("(?i)^SET\\s+ACCESS\\s+METHOD\\s*", "");
        // only a known server version is trusted to fail: the assumed default is the oldest supported major
        boolean tooOld = ctx.facts().versionKnown() && ctx.major() < 15;
        fails |= tooOld;
        what.add("SET ACCESS METHOD " + method + " re-stores every row in the new format"
            + (tooOld ? " — and it needs PostgreSQL 15: on " + ctx.major() + " the statement fails" : ""));
        fix.add("Create the new table with USING " + method + " (CREATE TABLE " + t + "_new (LIKE " + t
            + " INCLUDING ALL) USING " + method + "), copy the rows in batches, keep it in sync (trigger) and swap the "
            + "names in one short transaction.");
      }
    }
    if (what.isEmpty()) return;
    var b = ctx.at(s, "ALTER TABLE " + t + " rewrites the whole table under ACCESS EXCLUSIVE: every read and write of "
            + t + " waits until the copy is done; " + String.join("; ", what))
        .evidence("rewrite", "yes")
        .remediation(String.join("\n", fix));
    // a statement that fails at once rewrites nothing on this server: its severity does not follow the size
    if (fails && what.size() == 1) b.severity(Severity.MEDIUM);
    else b.sizeSensitive();
    b.report();
  }
}
