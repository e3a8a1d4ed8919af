package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A CHECK constraint added to an existing table without NOT VALID (also a CHECK on an added column, which cannot be
 * NOT VALID): every row is checked while ACCESS EXCLUSIVE is held.
 */
@RuleInfo(id = "check-constraint-validating", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "A CHECK constraint added without NOT VALID scans the whole table under ACCESS EXCLUSIVE")
public final class CheckConstraintValidatingRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (!ReviewSchema.altersExistingTable(s, ctx)) return;
    List<String> adds = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    for (AlterAction a : s.classified().alterActions()) {
      ConstraintClause c = ConstraintClause.of(a);
      String column = null;
      if (c == null && a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null && a.column().check()) {
        c = columnCheck(a);
        column = a.column().name();
      }
      if (c == null || c.kind() != ConstraintClause.Kind.CHECK || c.notValid()) continue;
      String name = c.name() != null ? c.name()
          : ReviewSchema.defaultName(s.target(), column != null ? List.of(Names.simple(column))
              : List.copyOf(c.notNullColumns()), "check");
      adds.add((c.name() == null ? "CHECK" : "CONSTRAINT " + c.name() + " CHECK") + " (" + c.body() + ")");
      fixes.add((column != null ? "add column " + column + " without its CHECK, then " : "")
          + Rewrite.notValidThenValidate(s.target(), name, "CHECK (" + c.body() + ")"));
    }
    if (adds.isEmpty()) return;
    ctx.at(s, "ADD " + String.join(", ", adds) + " checks every existing row of " + s.target() + " while holding "
            + "ACCESS EXCLUSIVE: all reads and writes on the table wait for the full scan")
        .sizeSensitive()
        .remediation(String.join(" ", fixes))
        .report();
  }

  /** The CHECK of an ADD COLUMN definition, as a constraint clause. */
  private static ConstraintClause columnCheck(AlterAction a) {
    List<Token> t = SqlTokens.tokenize(a.text());
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).depth() != 0 || !t.get(i).is("CHECK")) continue;
      int from = i >= 2 && t.get(i - 2).is("CONSTRAINT") ? i - 2 : i;
      return ConstraintClause.parse(t.subList(from, t.size()));
    }
    return null;
  }
}
