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
 * the file gives the old name to a view (the expand step of expand/contract) or to another table (a swap).
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
        if (oldNameKept(all.subList(i + 1, all.size()), s.target())) continue;
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

  /** A later statement gives the old name to a view or another table (expand/contract, or a table swap). */
  private static boolean oldNameKept(List<ReviewStatement> later, String oldName) {
    String old = Names.normalize(oldName);
    for (ReviewStatement l : later) {
      if (l.target() == null) continue;
      switch (l.kind()) {
        case CREATE_VIEW, CREATE_TABLE, CREATE_TABLE_AS, CREATE_MATERIALIZED_VIEW -> {
          if (old.equals(Names.normalize(l.target()))) return true;
        }
        case ALTER_TABLE -> {
          String from = Names.normalize(l.target());
          for (AlterAction a : l.classified().alterActions()) {
            if (a.kind() == AlterAction.Kind.RENAME_TABLE && a.name() != null
                && old.equals(from.substring(0, from.indexOf('.') + 1) + Names.simple(a.name()))) {
              return true;
            }
          }
        }
        default -> { }
      }
    }
    return false;
  }
}
