package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * REFRESH MATERIALIZED VIEW without CONCURRENTLY on a view that existed before the review. The duration depends on
 * the view's query, not the view's size, so severity does not follow the view's size. A view created earlier in the
 * review is exempt (its first refresh after WITH NO DATA cannot be concurrent, and nobody reads it yet), as is
 * REFRESH … WITH NO DATA (it empties the view without running the query).
 */
@RuleInfo(id = "refresh-matview-non-concurrent", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.MEDIUM,
    summary = "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view while its query reruns")
public final class RefreshMatviewNonConcurrentRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.REFRESH_MATERIALIZED_VIEW || s.classified().has(Flag.CONCURRENTLY)) return;
    if (s.target() == null || ctx.targetIsNew(s)) return;
    if (s.text().toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bWITH\\s+NO\\s+DATA\\s*$")) return;
    String v = s.target();
    String key = Names.simple(v) + "_refresh_key";
    ctx.at(s, "REFRESH MATERIALIZED VIEW " + v + " takes ACCESS EXCLUSIVE on the view: every query that reads " + v
            + " waits until the view's whole query has run again and its result is stored")
        .onTable(v)
        .remediation("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + key + " ON " + v + " (<columns unique per "
            + "row>);  -- once, if the view has no unique index on plain columns\n"
            + "REFRESH MATERIALIZED VIEW CONCURRENTLY " + v + ";  -- EXCLUSIVE lock: reads continue; it diffs old and "
            + "new rows, so it is slower and writes only the changes")
        .report();
  }
}
