package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/**
 * A new table, index, constraint, column or other object name longer than 63 bytes: PostgreSQL truncates it with
 * only a NOTICE. SQL that repeats the long name is truncated the same way, but anything that compares names as
 * strings (catalog queries, ORM schema checks, IF EXISTS checks in scripts) does not find it, and two long names
 * that share their first 63 bytes collide.
 */
@RuleInfo(id = "identifier-too-long", area = Area.MIGRATIONS, checklist = "MIG-1", severity = Severity.MEDIUM,
    summary = "An identifier longer than 63 bytes is silently truncated by PostgreSQL")
public final class IdentifierTooLongRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    for (String name : NewNames.of(s.classified())) {
      int bytes = NewNames.bytes(name);
      if (bytes <= NewNames.MAX_BYTES) continue;
      String kept = NewNames.truncated(name);
      ctx.at(s, "identifier " + name + " is " + bytes + " bytes: PostgreSQL keeps only the first 63 (\"" + kept + "\") "
              + "with just a NOTICE, so code that looks it up by the full name as a string (catalog queries, ORM "
              + "schema checks) does not find it, and another name with the same first 63 bytes collides with it")
          .subject(name)
          .evidence("identifier", name)
          .evidence("bytes", bytes)
          .evidence("storedAs", kept)
          .remediation("-- write a name of at most 63 bytes (abbreviate words), so the name in the catalog is the name "
              + "in the code; what PostgreSQL would store: " + kept)
          .report();
    }
  }
}
