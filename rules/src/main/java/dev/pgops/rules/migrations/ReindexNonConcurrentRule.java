package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;
import java.util.Optional;

/**
 * REINDEX without CONCURRENTLY: SHARE on the table (writes wait) and ACCESS EXCLUSIVE on each index rebuilt, which
 * the planner needs for every query on the table. REINDEX SYSTEM (catalogs, no concurrent form) is left alone.
 */
@RuleInfo(id = "reindex-non-concurrent", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.HIGH,
    summary = "REINDEX without CONCURRENTLY blocks writes to the table and nearly every query while the index rebuilds")
public final class ReindexNonConcurrentRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.REINDEX || s.classified().has(Flag.CONCURRENTLY) || s.target() == null) return;
    String scope = scope(s.text());
    if (scope == null || scope.equals("SYSTEM")) return;
    Optional<TableFacts> facts = Optional.empty();
    switch (scope) {
      case "INDEX" -> {
        if (ReviewSchema.indexOnNewTable(s.target(), s, ctx)) return;
        facts = ReviewSchema.indexCreatedBefore(s.target(), s, ctx).flatMap(i -> ctx.table(i.table()))
            .or(() -> ReviewSchema.tableOfIndex(s.target(), ctx));
      }
      case "TABLE" -> {
        if (ctx.targetIsNew(s)) return;
        facts = ctx.table(s.target());
      }
      default -> { }
    }
    String what = switch (scope) {
      case "INDEX" -> "index " + s.target() + facts.map(f -> " (on " + f.name() + ")").orElse("");
      case "TABLE" -> "every index of " + s.target();
      default -> "every index in " + scope.toLowerCase(java.util.Locale.ROOT) + " " + s.target();
    };
    boolean oneTable = scope.equals("INDEX") || scope.equals("TABLE");
    var finding = ctx.at(s, "REINDEX rebuilds " + what + " holding SHARE on " + (oneTable ? "the table" : "each table "
            + "in turn") + " (inserts, updates and deletes wait) and ACCESS EXCLUSIVE on each index being rebuilt; the "
            + "planner locks every index of a table, so nearly every query on the table waits too, for the whole rebuild")
        .evidence("scope", scope)
        .sizeSensitive()
        .remediation(fix(s, scope, ctx.major()));
    facts.ifPresent(f -> finding.onTable(f.name()));
    finding.report();
  }

  /** The scope keyword after REINDEX [(options)]: INDEX, TABLE, SCHEMA, DATABASE, SYSTEM; null if absent. */
  static String scope(String sql) {
    List<Token> t = SqlTokens.tokenize(sql);
    int i = 1;
    if (i < t.size() && t.get(i).isPunct("(")) i = ConstraintClause.close(t, i) + 1;
    if (i >= t.size()) return null;
    String w = t.get(i).upper();
    return List.of("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM").contains(w) ? w : null;
  }

  private static String fix(ReviewStatement s, String scope, int major) {
    if (major >= 12) {
      return Rewrite.concurrently(s.text(), scope) + " -- PostgreSQL 12+: builds the new index beside the old one "
          + "under SHARE UPDATE EXCLUSIVE (reads and writes continue), then swaps them briefly; outside a transaction. "
          + "A failure leaves an INVALID index named …_ccnew to drop.";
    }
    String index = scope.equals("INDEX") ? s.target() : "<index>";
    return "PostgreSQL " + major + " has no REINDEX CONCURRENTLY (12+). Rebuild each index beside the old one: "
        + "CREATE [UNIQUE] INDEX CONCURRENTLY " + index + "_new ON … (the definition pg_get_indexdef('" + index
        + "'::regclass) prints); DROP INDEX CONCURRENTLY " + index + "; ALTER INDEX " + index + "_new RENAME TO "
        + index + "; — for an index behind a PRIMARY KEY or UNIQUE constraint, swap the constraint with "
        + "ALTER TABLE … DROP CONSTRAINT …, ADD CONSTRAINT … USING INDEX " + index + "_new instead of the rename.";
  }
}
