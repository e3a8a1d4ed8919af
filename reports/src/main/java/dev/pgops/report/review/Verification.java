package dev.pgops.report.review;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.review.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read-only queries that show a statement took effect, for the plan's verification section: an index build is
 * valid, a constraint is validated, a column has the expected type and nullability, an object exists or is gone.
 * Names go into string literals (quotes doubled), never into the SQL text itself.
 */
public final class Verification {

  /**
   * One check.
   *
   * @param sql    the query, with its {@code ;}
   * @param expect what the result should show
   */
  public record Check(String sql, String expect) {}

  private Verification() {}

  /** The checks for {@code s}; empty when there is nothing to look at. */
  public static List<Check> of(ClassifiedStatement s) {
    String t = s.target();
    if (t == null && s.kind() != dev.pgops.migration.StatementKind.CREATE_FUNCTION) return List.of();
    return switch (s.kind()) {
      case CREATE_INDEX -> s.targets().size() < 2 ? List.of(invalidIndexes(t)) : List.of(new Check(
          "SELECT indexrelid::regclass AS index, indisvalid, indisready FROM pg_index WHERE indexrelid = "
              + regclass(Names.schemaPrefix(t) + s.targets().get(1)) + ";",
          "one row, indisvalid and indisready true (an INVALID index from a failed build must be dropped and rebuilt)"));
      case REINDEX -> List.of(invalidIndexes(t));
      case CREATE_TABLE, CREATE_TABLE_AS, CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_SEQUENCE -> List.of(
          exists("to_regclass", t));
      case CREATE_TYPE -> List.of(exists("to_regtype", t));
      case DROP_TABLE, DROP_INDEX, DROP_VIEW -> List.of(new Check(
          "SELECT to_regclass(" + SqlText.literal(t) + ") IS NULL AS dropped;", "true"));
      case CREATE_TRIGGER -> s.targets().size() < 2 ? List.of() : List.of(new Check(
          "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = " + regclass(t) + " AND tgname = "
              + SqlText.literal(Names.simple(s.targets().get(1))) + ";", "one row, tgenabled 'O'"));
      case CREATE_FUNCTION -> {
        String name = SqlText.functionName(s.text());
        String args = SqlText.functionSignature(s.text());
        yield name == null || args == null ? List.of() : List.of(new Check(
            "SELECT to_regprocedure(" + SqlText.literal(name + args) + ") IS NOT NULL AS present;", "true"));
      }
      case CREATE_EXTENSION -> List.of(new Check("SELECT extname, extversion FROM pg_extension WHERE extname = "
          + SqlText.literal(Names.simple(t)) + ";", "one row"));
      case ALTER_TABLE -> alterTable(s);
      default -> List.of();
    };
  }

  private static List<Check> alterTable(ClassifiedStatement s) {
    String t = s.target();
    List<Check> out = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (AlterAction a : s.alterActions()) {
      String n = a.name();
      switch (a.kind()) {
        case ADD_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT -> {
          if (n != null && !columns.contains(n)) columns.add(n);
        }
        case RENAME_COLUMN -> {
          String to = SqlText.afterTo(a.text());
          if (to != null && !columns.contains(to)) columns.add(to);
        }
        case DROP_COLUMN -> {
          if (n != null) out.add(new Check(column(t, n), "no row"));
        }
        case ADD_CONSTRAINT, VALIDATE_CONSTRAINT -> {
          if (n != null) {
            boolean notValid = a.text().toUpperCase(Locale.ROOT).matches("(?s).*\\bNOT\\s+VALID\\b.*");
            out.add(new Check("SELECT conname, convalidated FROM pg_constraint WHERE conrelid = " + regclass(t)
                + " AND conname = " + SqlText.literal(Names.simple(n)) + ";",
                notValid ? "one row, convalidated false until VALIDATE CONSTRAINT runs" : "one row, convalidated true"));
          }
        }
        case DROP_CONSTRAINT -> {
          if (n != null) out.add(new Check("SELECT conname FROM pg_constraint WHERE conrelid = " + regclass(t)
              + " AND conname = " + SqlText.literal(Names.simple(n)) + ";", "no row"));
        }
        case RENAME_TABLE -> {
          if (n != null) out.add(exists("to_regclass", Names.schemaPrefix(t) + n));
        }
        case SET_LOGGED, SET_UNLOGGED -> out.add(new Check("SELECT relpersistence FROM pg_class WHERE oid = "
            + regclass(t) + ";", a.kind() == AlterAction.Kind.SET_LOGGED ? "p" : "u"));
        case ATTACH_PARTITION, DETACH_PARTITION -> {
          if (n != null) out.add(new Check("SELECT count(*) AS attached FROM pg_inherits WHERE inhparent = "
              + regclass(t) + " AND inhrelid = " + regclass(n) + ";",
              a.kind() == AlterAction.Kind.ATTACH_PARTITION ? "1" : "0"));
        }
        default -> { }
      }
    }
    List<Check> columnChecks = new ArrayList<>();
    for (String c : columns) columnChecks.add(new Check(column(t, c), "one row with the new type, nullability and default"));
    out.addAll(0, columnChecks);
    return out;
  }

  private static String column(String table, String column) {
    return "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE "
        + "table_schema = " + SqlText.literal(SqlText.schemaOf(table)) + " AND table_name = "
        + SqlText.literal(SqlText.relationOf(table)) + " AND column_name = " + SqlText.literal(Names.simple(column)) + ";";
  }

  private static Check invalidIndexes(String table) {
    return new Check("SELECT indexrelid::regclass AS index FROM pg_index WHERE indrelid = " + regclass(table)
        + " AND NOT indisvalid;", "no row (an invalid index is left over from a failed build)");
  }

  private static Check exists(String fn, String name) {
    return new Check("SELECT " + fn + "(" + SqlText.literal(name) + ") IS NOT NULL AS present;", "true");
  }

  private static String regclass(String name) {
    return SqlText.literal(name) + "::regclass";
  }
}
