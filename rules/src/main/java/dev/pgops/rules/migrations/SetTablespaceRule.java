package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.AlterAction.Kind;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * ALTER TABLE / ALTER INDEX … SET TABLESPACE and ALTER TABLE|INDEX ALL IN TABLESPACE: the relation's files are
 * copied while ACCESS EXCLUSIVE is held. Tables created earlier in the review are exempt.
 */
@RuleInfo(id = "set-tablespace", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.HIGH,
    summary = "SET TABLESPACE copies the table's or index's files under ACCESS EXCLUSIVE, blocking its queries")
public final class SetTablespaceRule implements MigrationRule {
  static final String ALL_IN_TABLESPACE = "ALTER TABLE ALL IN TABLESPACE";

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.impact().operation().equals(ALL_IN_TABLESPACE)) {
      ctx.at(s, "ALL IN TABLESPACE moves every " + (s.kind() == StatementKind.ALTER_INDEX ? "index" : "table")
              + " of the tablespace: each is locked ACCESS EXCLUSIVE (all its reads and writes wait) and keeps the "
              + "lock until the transaction ends, while the files are copied one relation after another")
          .remediation("Move relations one at a time, off-peak, with SET lock_timeout: pg_repack --table=<table> "
              + "--tablespace=<new> --moveidx moves a table and its indexes online (ACCESS EXCLUSIVE only briefly).")
          .report();
      return;
    }
    if (s.target() == null || ctx.targetIsNew(s)) return;
    String t = s.target();
    if (s.kind() == StatementKind.ALTER_INDEX && s.impact().operation().equals("ALTER INDEX SET TABLESPACE")) {
      String space = s.text().replaceFirst("(?is)^.*\\bSET\\s+TABLESPACE\\s+", "").strip();
      ctx.at(s, "ALTER INDEX " + t + " SET TABLESPACE copies the index's files under ACCESS EXCLUSIVE on the index: "
              + "every query on its table waits for the copy, because planning a query opens all of a table's indexes")
          .sizeSensitive()
          .remediation("CREATE INDEX CONCURRENTLY " + Names.simple(t) + "_new ON <table> (<same definition>) TABLESPACE "
              + space + ";\nDROP INDEX CONCURRENTLY " + t + ";\nALTER INDEX " + Names.simple(t) + "_new RENAME TO "
              + Names.simple(t) + ";  -- outside a transaction: reads and writes continue throughout")
          .report();
      return;
    }
    if (s.kind() != StatementKind.ALTER_TABLE) return;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() != Kind.SET_TABLESPACE) continue;
      String space = a.name() == null ? "<tablespace>" : a.name();
      ctx.at(s, "ALTER TABLE " + t + " SET TABLESPACE " + space + " copies the table's files under ACCESS EXCLUSIVE: "
              + "every read and write of " + t + " waits for the copy (its indexes stay where they are and move only "
              + "with ALTER INDEX)")
          .sizeSensitive()
          .remediation("pg_repack --table=" + Names.normalize(t) + " --tablespace=" + space + " --moveidx <database>  "
              + "-- outside the migration: moves the table and its indexes online, ACCESS EXCLUSIVE only briefly at "
              + "the start and end (needs a primary key or a unique index on NOT NULL columns)")
          .report();
      return;
    }
  }
}
