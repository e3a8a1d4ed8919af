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
    for (Columns.Introduced i : Columns.introduced(s)) {
      String type = i.column().type();
      if (!TypeChanges.baseName(type).equals("timestamp")) continue;
      String tz = TypeChanges.normalize(type).replaceFirst("^timestamp", "timestamptz");
      ctx.at(s, Columns.describe(s, i) + ": timestamp without time zone "
              + "keeps no offset, so the same instant is stored differently by clients in different time zones and "
              + "comparisons with now() depend on the session's TimeZone")
          .subject(i.column().name())
          .evidence("column", i.column().name())
          .remediation("-- timestamptz stores an absolute instant (same 8 bytes), unless local wall-clock times are meant:\n"
              + Columns.withType(s, i, tz))
          .report();
    }
  }
}
