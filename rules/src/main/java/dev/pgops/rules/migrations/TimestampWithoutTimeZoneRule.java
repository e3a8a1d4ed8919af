package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TypeChanges;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/** A {@code timestamp} / {@code timestamp without time zone} column in CREATE TABLE, ADD COLUMN or ALTER COLUMN TYPE. */
@RuleInfo(id = "timestamp-without-time-zone", area = Area.MIGRATIONS, checklist = "MIG-1", severity = Severity.INFO,
    summary = "A timestamp without time zone column stores wall-clock times that depend on each client's TimeZone")
public final class TimestampWithoutTimeZoneRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    // one finding per statement: a table of ten timestamp columns is one design choice, not ten problems
    java.util.List<Columns.Introduced> hits = Columns.introduced(s).stream()
        .filter(i -> TypeChanges.baseName(i.column().type()).equals("timestamp")).toList();
    if (hits.isEmpty()) return;
    Columns.Introduced first = hits.get(0);
    String names = String.join(", ", hits.stream().map(i -> i.column().name()).toList());
    StringBuilder fix = new StringBuilder("-- timestamptz stores an absolute instant (same 8 bytes), unless local wall-clock times are meant:");
    for (Columns.Introduced i : hits) {
      fix.append('\n').append(Columns.withType(s, i,
          TypeChanges.normalize(i.column().type()).replaceFirst("^timestamp", "timestamptz")));
    }
    ctx.at(s, (hits.size() == 1 ? Columns.describe(s, first) : hits.size() + " columns (" + names + ")")
            + ": timestamp without time zone keeps no offset, so the same instant is stored differently by clients in "
            + "different time zones and comparisons with now() depend on the session's TimeZone")
        .evidence("columns", names)
        .remediation(fix.toString())
        .report();
  }
}
