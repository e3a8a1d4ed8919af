package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

@RuleInfo(id = "unknown-statement", area = Area.MIGRATIONS, checklist = "MIG-1", severity = Severity.INFO,
    summary = "A statement neither JSqlParser nor the token classifier recognises was not checked")
public final class UnknownStatementRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.UNKNOWN) return;
    String first = s.text().strip().split("\\s+", 2)[0];
    ctx.at(s, "statement not recognised (starts with '" + first + "'): no rule checked it, review it by hand")
        .evidence("classifiedBy", s.classified().classifiedBy())
        .remediation("If it is valid PostgreSQL, please report it so pgops learns it; placeholders of a runner "
            + "(${…}, {{…}}) should be substituted before review.")
        .report();
  }
}
