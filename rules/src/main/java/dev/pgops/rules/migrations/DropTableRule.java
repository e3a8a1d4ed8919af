package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.Optional;

/** DROP TABLE of a table the review did not create: its data is gone, and clients that use it fail. */
@RuleInfo(id = "drop-table", area = Area.MIGRATIONS, checklist = "MIG-5", severity = Severity.HIGH,
    summary = "DROP TABLE deletes an existing table's data for good and breaks every client that still uses it")
public final class DropTableRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.DROP_TABLE) return;
    boolean cascade = s.classified().has(Flag.CASCADE);
    for (String table : s.classified().targets()) {
      if (ctx.isNew(table, s)) continue;
      Optional<TableFacts> facts = ctx.table(table);
      String fks = facts.map(f -> String.join(", ", f.inboundForeignKeys())).orElse("");
      String inbound = fks.isEmpty() ? ""
          : cascade ? "; CASCADE also drops the foreign keys that reference it (" + fks + "), locking those tables"
          : "; foreign keys reference it (" + fks + "), so without CASCADE the DROP fails";
      ctx.at(s, "DROP TABLE " + table + ": its rows are deleted for good (only a backup brings them back) and every "
              + "client still using the table fails; it takes ACCESS EXCLUSIVE on the table and on each table it "
              + "references by foreign key, so it waits for (and then blocks) their running queries" + inbound)
          .onTable(table)
          .remediation("-- 1. stop using the table in the application and deploy that first\n"
              + "-- 2. keep a copy: pg_dump --table=" + table + " …\n"
              + "-- 3. drop the foreign keys it has and those referencing it one by one first, each with a short "
              + "lock_timeout, so busy tables are locked only briefly\n"
              + "SET lock_timeout = '2s';\n"
              + "DROP TABLE IF EXISTS " + table + ";")
          .report();
    }
  }
}
