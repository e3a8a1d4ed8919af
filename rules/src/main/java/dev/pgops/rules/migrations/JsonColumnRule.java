package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TypeChanges;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/** A {@code json} (not {@code jsonb}) column in CREATE TABLE, ADD COLUMN or ALTER COLUMN … TYPE. */
@RuleInfo(id = "json-column", area = Area.MIGRATIONS, checklist = "MIG-1", severity = Severity.LOW,
    summary = "A json column has no equality operator and is re-parsed on every access; jsonb is the usual choice")
public final class JsonColumnRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    for (Columns.Introduced i : Columns.introduced(s)) {
      if (!TypeChanges.baseName(i.column().type()).equals("json")) continue;
      String jsonb = i.column().type().replaceFirst("(?i)^json", "jsonb");
      ctx.at(s, Columns.describe(s, i) + ": json stores the "
              + "text as written, so every access re-parses it, it has no equality operator (SELECT DISTINCT, GROUP BY, "
              + "UNION and unique indexes on it fail) and GIN indexes do not support it")
          .subject(i.column().name())
          .evidence("column", i.column().name())
          .remediation("-- use jsonb, unless the exact text (key order, duplicate keys, whitespace) must be kept:\n"
              + Columns.withType(s, i, jsonb))
          .report();
    }
  }
}
