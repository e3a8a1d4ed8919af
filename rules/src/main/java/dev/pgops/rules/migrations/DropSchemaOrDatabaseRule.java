package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DROP SCHEMA / DROP DATABASE (classified as other DDL: read from the tokens). A schema created earlier in the same
 * file is left out.
 */
@RuleInfo(id = "drop-schema-or-database", area = Area.MIGRATIONS, checklist = "MIG-5", severity = Severity.HIGH,
    summary = "DROP SCHEMA or DROP DATABASE removes every object in it, CASCADE without listing them")
public final class DropSchemaOrDatabaseRule implements MigrationRule {
  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    Set<String> created = new HashSet<>();
    for (ReviewStatement s : file.statements()) {
      if (s.kind() == StatementKind.CREATE_SCHEMA && s.target() != null) created.add(Names.simple(s.target()));
      if (s.kind() != StatementKind.OTHER_DDL) continue;
      List<Token> t = SqlTokens.tokenize(s.text());
      if (t.size() < 3 || !t.get(0).is("DROP") || !(t.get(1).is("SCHEMA") || t.get(1).is("DATABASE"))) continue;
      boolean database = t.get(1).is("DATABASE");
      List<String> names = names(t);
      if (!database) names.removeIf(n -> created.contains(Names.simple(n)));
      if (names.isEmpty()) continue;
      boolean cascade = s.classified().has(Flag.CASCADE);
      String list = String.join(", ", names);
      String message;
      Severity severity;
      if (database) {
        message = "DROP DATABASE " + list + ": the whole database and all its data are deleted for good; only a backup "
            + "brings it back, and every application connected to it stops working";
        severity = Severity.CRITICAL;
      } else if (cascade) {
        message = "DROP SCHEMA " + list + " CASCADE: every table, view, function and type in it is dropped with its "
            + "data, and so is every object elsewhere that depends on them, without listing any of them";
        severity = Severity.CRITICAL;
      } else {
        message = "DROP SCHEMA " + list + ": fails unless the schema is empty; if it is not, the migration stops here, "
            + "and clients that use objects in it by name fail once it is gone";
        severity = Severity.HIGH;
      }
      ctx.at(s, message)
          .severity(severity)
          .subject(list)
          .evidence(database ? "database" : "schema", list)
          .evidence("cascade", cascade)
          .remediation(database
              ? "-- a migration should not drop a database: do it by hand, after a backup (pg_dump -Fc), when no "
                  + "application uses it"
              : "-- list what would go first:\nSELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = "
                  + "c.relnamespace WHERE n.nspname = '" + Names.simple(names.get(0)) + "';\n"
                  + "-- drop those objects explicitly (after a backup), then the empty schema, without CASCADE:\n"
                  + "DROP SCHEMA IF EXISTS " + list + ";")
          .report();
    }
  }

  /** The names after DROP SCHEMA|DATABASE [IF EXISTS]. */
  private static List<String> names(List<Token> t) {
    List<String> out = new ArrayList<>();
    int i = 2;
    if (i + 1 < t.size() && t.get(i).is("IF") && t.get(i + 1).is("EXISTS")) i += 2;
    while (i < t.size() && t.get(i).isIdent() && !t.get(i).is("CASCADE") && !t.get(i).is("RESTRICT")
        && !t.get(i).is("WITH")) {
      out.add(t.get(i).text());
      i++;
      if (i < t.size() && t.get(i).isPunct(",")) i++;
      else break;
    }
    return out;
  }
}
