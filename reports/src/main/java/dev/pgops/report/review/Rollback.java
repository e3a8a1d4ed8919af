package dev.pgops.report.review;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inverse of a migration statement for the plan's rollback section: SQL where the inverse is mechanical
 * ({@code CREATE INDEX x} → {@code DROP INDEX CONCURRENTLY IF EXISTS x}, {@code ADD COLUMN c} → {@code DROP COLUMN c},
 * {@code RENAME a TO b} → {@code RENAME b TO a} …), else a manual step saying why (the data or the previous
 * definition is not in the script). Statements that change no schema or data (SET, ANALYZE, VACUUM …) have none.
 * Names are reused as written, so quoting carries over.
 */
public final class Rollback {
  private static final Pattern GRANT = Pattern.compile("(?is)^GRANT\\s+(.+?)\\s+TO\\s+(.+?)(\\s+WITH\\s+(GRANT|ADMIN)\\s+OPTION)?(\\s+GRANTED\\s+BY\\s+\\S+)?$");
  private static final Pattern REVOKE = Pattern.compile("(?is)^REVOKE\\s+(.+?)\\s+FROM\\s+(.+?)(\\s+(CASCADE|RESTRICT))?$");
  private static final Pattern INDEX_RENAME = Pattern.compile("(?is)^ALTER\\s+INDEX\\s+(IF\\s+EXISTS\\s+)?(\\S+)\\s+RENAME\\s+TO\\s+(\\S+)$");

  /**
   * One undo step.
   *
   * @param sql    the inverse statement with its {@code ;}, or "" for a manual step
   * @param note   why it is manual, or a caveat of the inverse ("" when none)
   * @param manual true when a person has to write the inverse
   */
  public record Step(String sql, String note, boolean manual) {
    static Step sql(String sql, String note) {
      return new Step(sql + ";", note, false);
    }

    static Step manual(String why) {
      return new Step("", why, true);
    }

    public boolean hasNote() {
      return !note.isEmpty();
    }
  }

  private Rollback() {}

  /**
   * The undo steps of {@code s}, in the order to run them (an ALTER TABLE's actions reversed); empty when there is
   * nothing to undo. {@code facts} supplies a column's type before an {@code ALTER COLUMN … TYPE} when known.
   */
  public static List<Step> of(ClassifiedStatement s, ReviewFacts facts) {
    String t = s.target();
    String ifNotExists = s.has(Flag.IF_NOT_EXISTS)
        ? "IF NOT EXISTS: only if this migration created it (an object that existed before was left alone)" : "";
    return switch (s.kind()) {
      case CREATE_INDEX -> {
        if (s.targets().size() < 2) {
          yield List.of(Step.manual("the index has no name in the script: find the name PostgreSQL gave it (\\d "
              + t + ") and DROP INDEX CONCURRENTLY it"));
        }
        yield List.of(Step.sql("DROP INDEX CONCURRENTLY IF EXISTS " + Names.schemaPrefix(t) + s.targets().get(1),
            join("run outside a transaction block", ifNotExists)));
      }
      case CREATE_TABLE, CREATE_TABLE_AS -> List.of(Step.sql("DROP TABLE " + t,
          join("drops every row written to it since", ifNotExists)));
      case CREATE_VIEW -> SqlText.orReplace(s.text())
          ? List.of(Step.manual("CREATE OR REPLACE VIEW: put back the previous definition (pg_get_viewdef before the migration)"))
          : List.of(Step.sql("DROP VIEW " + t, ifNotExists));
      case CREATE_MATERIALIZED_VIEW -> List.of(Step.sql("DROP MATERIALIZED VIEW " + t, ifNotExists));
      case CREATE_TRIGGER -> SqlText.orReplace(s.text()) || s.targets().size() < 2
          ? List.of(Step.manual(s.targets().size() < 2 ? "the trigger's name or table could not be read"
              : "CREATE OR REPLACE TRIGGER: put back the previous definition (pg_get_triggerdef before the migration)"))
          : List.of(Step.sql("DROP TRIGGER " + s.targets().get(1) + " ON " + t, ""));
      case CREATE_FUNCTION -> function(s);
      case CREATE_SEQUENCE -> List.of(Step.sql("DROP SEQUENCE " + t, ifNotExists));
      case CREATE_TYPE -> List.of(Step.sql("DROP TYPE " + t, ifNotExists));
      case CREATE_EXTENSION -> List.of(Step.sql("DROP EXTENSION " + t,
          join("fails while other objects use it", ifNotExists)));
      case CREATE_SCHEMA -> List.of(Step.sql("DROP SCHEMA " + t, join("fails unless the schema is empty", ifNotExists)));
      case ALTER_TABLE -> alterTable(s, facts);
      case ALTER_INDEX -> {
        Matcher m = INDEX_RENAME.matcher(s.text().trim());
        yield m.matches()
            ? List.of(Step.sql("ALTER INDEX " + Names.schemaPrefix(m.group(2)) + m.group(3) + " RENAME TO "
                + Names.lastPart(m.group(2)), ""))
            : List.of(Step.manual("ALTER INDEX: the previous setting is not in the script"));
      }
      case GRANT -> {
        Matcher m = GRANT.matcher(s.text().trim());
        yield m.matches() ? List.of(Step.sql("REVOKE " + m.group(1) + " FROM " + m.group(2), ""))
            : List.of(Step.manual("GRANT: revoke what it granted"));
      }
      case REVOKE -> {
        Matcher m = REVOKE.matcher(s.text().trim());
        yield m.matches() ? List.of(Step.sql("GRANT " + m.group(1) + " TO " + m.group(2),
            "grant options revoked with it are not restored"))
            : List.of(Step.manual("REVOKE: grant back what it revoked"));
      }
      case DROP_INDEX -> List.of(Step.manual("the index is gone: recreate it (CONCURRENTLY) from its definition before "
          + "the migration (pg_indexes.indexdef)"));
      case DROP_TABLE -> List.of(Step.manual("the table and its rows are gone: restore them from a backup"));
      case DROP_VIEW, DROP_TYPE, DROP_FUNCTION, DROP_TRIGGER -> List.of(Step.manual(
          "dropped: recreate it from its definition before the migration (keep a schema dump)"));
      case TRUNCATE -> List.of(Step.manual("the rows are gone: restore them from a backup"));
      case UPDATE, DELETE -> List.of(Step.manual("the previous rows are not kept: restore them from a copy taken "
          + "before (CREATE TABLE … AS SELECT the affected rows) or from a backup"));
      case INSERT -> List.of(Step.manual("delete the inserted rows by their keys"));
      case ALTER_TYPE -> List.of(Step.manual(s.text().toUpperCase(Locale.ROOT).contains("ADD VALUE")
          ? "an enum value cannot be dropped: rename it, or recreate the type" : "ALTER TYPE: the previous definition is not in the script"));
      case ALTER_SEQUENCE -> List.of(Step.manual("ALTER SEQUENCE: the previous settings are not in the script"));
      case COMMENT -> List.of(Step.manual("set the previous comment back"));
      case DO -> List.of(Step.manual("anonymous DO block: undo what it does by hand"));
      case OTHER_DDL, OTHER, UNKNOWN -> List.of(Step.manual("no mechanical inverse known for this statement"));
      case REINDEX, VACUUM, ANALYZE, CLUSTER, REFRESH_MATERIALIZED_VIEW, LOCK, SELECT, SET, RESET, BEGIN, COMMIT,
           ROLLBACK, META_COMMAND -> List.of();
    };
  }

  private static List<Step> function(ClassifiedStatement s) {
    if (SqlText.orReplace(s.text())) {
      return List.of(Step.manual("CREATE OR REPLACE: put back the previous definition (pg_get_functiondef before the migration)"));
    }
    String name = SqlText.functionName(s.text());
    String args = SqlText.functionSignature(s.text());
    if (name == null || args == null) return List.of(Step.manual("the function's signature could not be read"));
    boolean procedure = s.text().toUpperCase(Locale.ROOT).matches("(?s)^CREATE\\s+PROCEDURE\\b.*");
    return List.of(Step.sql("DROP " + (procedure ? "PROCEDURE " : "FUNCTION ") + name + args, ""));
  }

  private static List<Step> alterTable(ClassifiedStatement s, ReviewFacts facts) {
    String t = s.target();
    List<Step> out = new ArrayList<>();
    List<AlterAction> actions = s.alterActions();
    for (int i = actions.size() - 1; i >= 0; i--) {
      AlterAction a = actions.get(i);
      String table = "ALTER TABLE " + t;
      String col = a.name();
      Step step = switch (a.kind()) {
        case ADD_COLUMN -> col == null ? Step.manual("the added column's name could not be read")
            : Step.sql(table + " DROP COLUMN " + col, "drops what was written to it since");
        case ADD_CONSTRAINT -> col == null
            ? Step.manual("the constraint has no name in the script: find the name PostgreSQL gave it (\\d " + t
                + ") and DROP CONSTRAINT it")
            : Step.sql(table + " DROP CONSTRAINT " + col,
                a.text().toUpperCase(Locale.ROOT).contains("USING INDEX") ? "also drops the index it took over" : "");
        case RENAME_COLUMN -> {
          String to = SqlText.afterTo(a.text());
          yield to == null || col == null ? Step.manual("the renamed column could not be read")
              : Step.sql(table + " RENAME COLUMN " + to + " TO " + col, "");
        }
        case RENAME_TABLE -> col == null ? Step.manual("the new table name could not be read")
            : Step.sql("ALTER TABLE " + Names.schemaPrefix(t) + col + " RENAME TO " + Names.lastPart(t), "");
        case SET_NOT_NULL -> Step.sql(table + " ALTER COLUMN " + col + " DROP NOT NULL", "");
        case DROP_NOT_NULL -> Step.sql(table + " ALTER COLUMN " + col + " SET NOT NULL",
            "scans the table under ACCESS EXCLUSIVE and fails if NULLs were written since");
        case SET_DEFAULT -> Step.sql(table + " ALTER COLUMN " + col + " DROP DEFAULT",
            "if the column had a default before, set that one back instead (manual)");
        case DROP_DEFAULT -> Step.manual("the previous default of " + col + " is not in the script: SET DEFAULT it back");
        case ALTER_COLUMN_TYPE -> {
          String old = oldType(facts, t, col);
          yield Step.manual("the previous type is not in the script" + (old == null ? ""
              : " (the database had " + old + ": " + table + " ALTER COLUMN " + col + " TYPE " + old + ")")
              + "; converting back rewrites the table again and may need USING");
        }
        case DROP_COLUMN -> Step.manual("the column " + col + " and its data are gone: add it back and restore the "
            + "data from a backup");
        case DROP_CONSTRAINT -> Step.manual("recreate the constraint " + col + " from its definition before the "
            + "migration (pg_get_constraintdef), NOT VALID then VALIDATE");
        case VALIDATE_CONSTRAINT -> null;
        case SET_STATISTICS -> Step.manual("set the previous statistics target back (-1 is the default)");
        case SET_TABLESPACE -> Step.manual("move it back to its previous tablespace (rewrites it again)");
        case SET_LOGGED -> Step.sql(table + " SET UNLOGGED", "rewrites the table");
        case SET_UNLOGGED -> Step.sql(table + " SET LOGGED", "rewrites the table and writes it all to WAL");
        case ATTACH_PARTITION -> col == null ? Step.manual("the partition's name could not be read")
            : Step.sql(table + " DETACH PARTITION " + col, "");
        case DETACH_PARTITION -> Step.manual("re-attach " + col + " with its partition bounds from before the migration");
        case OTHER -> Step.manual("no mechanical inverse known for: " + a.text());
      };
      if (step != null) out.add(step);
    }
    return out;
  }

  private static String oldType(ReviewFacts facts, String table, String column) {
    if (facts == null || column == null) return null;
    return facts.table(table).map(f -> f.columnTypes().get(Names.simple(column))).orElse(null);
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) return b;
    return b.isEmpty() ? a : a + "; " + b;
  }
}
