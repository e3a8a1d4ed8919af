package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TypeChanges;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RENAME COLUMN on an existing table: every client that uses the old name fails from the moment it commits. */
@RuleInfo(id = "rename-column", area = Area.MIGRATIONS, checklist = "MIG-5", severity = Severity.MEDIUM,
    summary = "RENAME COLUMN breaks every client that still uses the old name")
public final class RenameColumnRule implements MigrationRule {
  private static final Pattern NEW_NAME = Pattern.compile("(?is)\\bTO\\s+(\\S+)\\s*$");

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() != AlterAction.Kind.RENAME_COLUMN || a.name() == null) continue;
      Matcher m = NEW_NAME.matcher(a.text());
      String to = m.find() ? m.group(1) : "<new name>";
      String type = ctx.columnTypeBefore(s, s.target(), a.name());
      ctx.at(s, "RENAME COLUMN " + a.name() + " TO " + to + " on " + s.target() + ": application code still using "
              + a.name() + " fails from the moment this commits, and a rolling deploy always has old code running; "
              + "the ACCESS EXCLUSIVE lock is brief but queues behind running queries")
          .subject(a.name())
          .evidence("column", a.name())
          .evidence("newName", to)
          .remediation("-- expand/contract instead of a rename:\n"
              + Staging.expandContract(s.target(), a.name(), to, type == null ? "<same type>" : TypeChanges.normalize(type),
                  a.name(), false))
          .report();
    }
  }
}
