package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.AlterAction.Kind;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.Locale;

/**
 * ALTER TABLE … REPLICA IDENTITY FULL: the statement itself is brief, the cost is on every later write. Low for a
 * table created in the review or one the database shows barely written to; medium otherwise.
 */
@RuleInfo(id = "replica-identity-full", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.MEDIUM,
    summary = "REPLICA IDENTITY FULL logs the whole old row of every UPDATE and DELETE to WAL")
public final class ReplicaIdentityFullRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.ALTER_TABLE || s.target() == null) return;
    boolean full = false;
    for (AlterAction a : s.classified().alterActions()) {
      full |= a.kind() == Kind.OTHER && a.text().toUpperCase(Locale.ROOT).matches("^REPLICA\\s+IDENTITY\\s+FULL\\b.*");
    }
    if (!full) return;
    String t = s.target();
    Double writes = ctx.table(t).map(TableFacts::writesPerSecond).orElse(null);
    boolean quiet = ctx.targetIsNew(s) || (writes != null && writes < 1);
    String key = Names.simple(t) + "_replica_key";
    ctx.at(s, "REPLICA IDENTITY FULL makes every UPDATE and DELETE on " + t + " write the entire old row to WAL (more "
            + "WAL and replication traffic, growing with row width and write rate), and logical subscribers must "
            + "match each change on all columns: a sequential scan per changed row where no usable index exists")
        .severity(quiet ? Severity.LOW : Severity.MEDIUM)
        .remediation("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + key + " ON " + t + " (<key columns>);  "
            + "-- columns NOT NULL; not partial, not deferrable\nALTER TABLE " + t + " REPLICA IDENTITY USING INDEX "
            + key + ";  -- or give the table a primary key (the default identity)")
        .report();
  }
}
