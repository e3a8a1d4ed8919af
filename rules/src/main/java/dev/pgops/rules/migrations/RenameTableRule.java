package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;

/**
 * ALTER TABLE … RENAME TO of an existing table: clients using the old name fail. Left out when a later statement of
 * the file creates a view with the old name (the expand step of expand/contract).
 */
@RuleInfo(id = "rename-table", area = Area.MIGRATIONS, checklist = "MIG-5", severity = Severity.MEDIUM,
    summary = "ALTER TABLE … RENAME TO breaks every client that still uses the old name")
public final class RenameTableRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    List<ReviewStatement> all = file.statements();
    for (int i = 0; i < all.size(); i++) {
      ReviewStatement s = all.get(i);
      if (s.kind() != StatementKind.ALTER_TABLE || s.target() == null || ctx.targetIsNew(s)) continue;
      for (AlterAction a : s.classified().alterActions()) {
        if (a.kind() != AlterAction.Kind.RENAME_TABLE) continue;
        if (viewKeepsOldName(all.subList(i + 1, all.size()), s.target())) continue;
        String to = a.name() == null ? "<new name>" : a.name();
        String schema = s.target().contains(".") ? s.target().substring(0, s.target().lastIndexOf('.') + 1) : "";
        ctx.at(s, "ALTER TABLE " + s.target() + " RENAME TO " + to + ": application code still using " + s.target()
                + " fails from the moment this commits, and a rolling deploy always has old code running; the ACCESS "
                + "EXCLUSIVE lock is brief but queues behind running queries")
            .evidence("newName", to)
            .remediation("-- keep the old name working with a view, in the same transaction (a simple view is "
                + "updatable, so old code can still read and write):\n"
                + "BEGIN;\nALTER TABLE " + s.target() + " RENAME TO " + to + ";\n"
                + "CREATE VIEW " + s.target() + " AS SELECT * FROM " + schema + to + ";\nCOMMIT;\n"
                + "-- move the application to " + to + ", then in a later migration:\n"
                + "DROP VIEW " + s.target() + ";")
            .report();
      }
    }
  }

  private static boolean viewKeepsOldName(List<ReviewStatement> later, String oldName) {
    String old = Names.normalize(oldName);
    return later.stream().anyMatch(l -> l.kind() == StatementKind.CREATE_VIEW && l.target() != null
        && old.equals(Names.normalize(l.target())));
  }
}
