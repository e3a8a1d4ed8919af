package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A foreign key whose referencing columns lead no index: PostgreSQL indexes the referenced key, never the
 * referencing columns, so every DELETE (and key UPDATE) on the parent scans the child. Judged against the indexes
 * the review builds on the table (anywhere in the review) and, with a database, the table's existing indexes.
 */
@RuleInfo(id = "fk-without-covering-index", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.LOW,
    summary = "A foreign key is added whose referencing columns lead no index, so deletes on the parent scan the child")
public final class FkWithoutCoveringIndexRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    List<ReviewSchema.ForeignKey> fks = ReviewSchema.foreignKeys(s);
    if (fks.isEmpty()) return;
    boolean newTable = s.kind() == StatementKind.CREATE_TABLE || ctx.targetIsNew(s);
    Optional<TableFacts> facts = newTable ? Optional.empty()
        : ctx.table(s.target()).filter(TableFacts::indexColumnsKnown);
    List<List<String>> indexes = new ArrayList<>(ReviewSchema.indexesOn(s.target(), ctx));
    facts.ifPresent(f -> indexes.addAll(f.indexColumns().values()));
    List<ReviewSchema.ForeignKey> uncovered = fks.stream()
        .filter(fk -> !fk.columns().isEmpty() && indexes.stream().noneMatch(i -> IndexDef.leads(i, fk.columns())))
        .toList();
    if (uncovered.isEmpty()) return;
    ReviewSchema.ForeignKey fk = uncovered.get(0);
    String cols = String.join(", ", fk.columns());
    String judged = newTable ? "no index built in this review on the new table " + s.target() + " leads with (" + cols + ")"
        : facts.isPresent() ? "no index of " + s.target() + " — in the database or built in this review — leads with ("
            + cols + ")"
        : "no index built in this review leads with (" + cols + "); pgops could not see the existing indexes of "
            + s.target() + (ctx.facts().hasDatabase() ? "" : " (no database: run with a snapshot or connection)")
            + ", so check them";
    String more = uncovered.size() > 1 ? " (and " + (uncovered.size() - 1) + " more foreign key(s) in this statement)" : "";
    String table = Names.simple(s.target());
    String indexName = table + "_" + String.join("_", fk.columns()) + "_idx";
    String create = newTable ? "CREATE INDEX " + indexName + " ON " + s.target() + " (" + cols + ");"
        : "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + indexName + " ON " + s.target() + " (" + cols
            + "); -- outside a transaction";
    ctx.at(s, "foreign key " + (fk.name() == null ? "" : fk.name() + " ") + "(" + cols + ") → " + fk.referencedTable()
            + ": " + judged + "; every DELETE or key UPDATE on " + fk.referencedTable() + " must find the referencing "
            + "rows with a sequential scan of " + s.target() + " (ON DELETE CASCADE / SET NULL too)" + more)
        .severity(facts.isPresent() ? Severity.MEDIUM : Severity.LOW)
        .evidence("referencingColumns", cols)
        .evidence("referencedTable", fk.referencedTable())
        .evidence("indexesChecked", newTable ? "this review (new table)" : facts.isPresent() ? "database and this review"
            : "this review only")
        .remediation(create + " — unless " + fk.referencedTable() + " is a small lookup table whose rows are never "
            + "deleted or re-keyed.")
        .report();
  }
}
