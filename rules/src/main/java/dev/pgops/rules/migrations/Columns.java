package dev.pgops.rules.migrations;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ColumnDef;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.ReviewStatement;
import java.util.ArrayList;
import java.util.List;

/** The column definitions a statement introduces, for the column rules. */
final class Columns {
  private Columns() {}

  /**
   * A column definition and where it comes from.
   *
   * @param column the definition (for ALTER COLUMN … TYPE: the column with its new type)
   * @param how    "CREATE TABLE", "ADD COLUMN" or "ALTER COLUMN TYPE"
   */
  record Introduced(ColumnDef column, String how) {}

  /** CREATE TABLE columns, ADD COLUMN definitions and the new types of ALTER COLUMN … TYPE, in order. */
  static List<Introduced> introduced(ReviewStatement s) {
    List<Introduced> out = new ArrayList<>();
    if (s.kind() == StatementKind.CREATE_TABLE) {
      for (ColumnDef c : s.classified().columns()) out.add(new Introduced(c, "CREATE TABLE"));
    } else if (s.kind() == StatementKind.ALTER_TABLE) {
      for (AlterAction a : s.classified().alterActions()) {
        if (a.column() == null) continue;
        if (a.kind() == AlterAction.Kind.ADD_COLUMN) out.add(new Introduced(a.column(), "ADD COLUMN"));
        if (a.kind() == AlterAction.Kind.ALTER_COLUMN_TYPE) out.add(new Introduced(a.column(), "ALTER COLUMN TYPE"));
      }
    }
    return out;
  }

  /** The ADD COLUMN definitions of an ALTER TABLE. */
  static List<ColumnDef> added(ReviewStatement s) {
    List<ColumnDef> out = new ArrayList<>();
    if (s.kind() != StatementKind.ALTER_TABLE) return out;
    for (AlterAction a : s.classified().alterActions()) {
      if (a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null) out.add(a.column());
    }
    return out;
  }

  /**
   * The columns of a table-level {@code [CONSTRAINT name] PRIMARY KEY (a, b)} of CREATE TABLE, as written; empty
   * when there is none (a column-level PRIMARY KEY is in {@link ColumnDef#primaryKey()}).
   */
  static List<String> tablePrimaryKey(ReviewStatement s) {
    List<String> out = new ArrayList<>();
    if (s.kind() != StatementKind.CREATE_TABLE) return out;
    List<Token> t = SqlTokens.tokenize(s.text());
    boolean elementStart = false;
    for (int i = 0; i < t.size(); i++) {
      Token k = t.get(i);
      if (k.depth() == 0 && k.isPunct("(")) { elementStart = true; continue; }
      if (k.depth() == 1 && k.isPunct(",")) { elementStart = true; continue; }
      if (!elementStart) continue;
      elementStart = false;
      int j = i;
      if (k.is("CONSTRAINT")) j += 2;
      if (j + 2 < t.size() && t.get(j).is("PRIMARY") && t.get(j + 1).is("KEY") && t.get(j + 2).isPunct("(")) {
        for (int m = j + 3; m < t.size() && t.get(m).depth() > 1; m++) {
          if (t.get(m).isIdent() && t.get(m).depth() == 2) out.add(t.get(m).text());
        }
        return out;
      }
    }
    return out;
  }

  /** "orders.payload json (ADD COLUMN)", the head of a message about an introduced column. */
  static String describe(ReviewStatement s, Introduced i) {
    return s.target() + "." + i.column().name() + " " + i.column().type() + " (" + i.how() + ")";
  }

  /** The introduced column written again with another type, as SQL for a remediation. */
  static String withType(ReviewStatement s, Introduced i, String type) {
    String col = i.column().name();
    return switch (i.how()) {
      case "ADD COLUMN" -> "ALTER TABLE " + s.target() + " ADD COLUMN " + col + " " + type + ";";
      case "ALTER COLUMN TYPE" -> "ALTER TABLE " + s.target() + " ALTER COLUMN " + col + " TYPE " + type + ";";
      default -> col + " " + type + "  -- in CREATE TABLE " + s.target();
    };
  }

  /** An expression as the tokenizer joined it ("now ( )"), compacted for messages ("now()"). */
  static String display(String expr) {
    if (expr == null) return "";
    StringBuilder b = new StringBuilder();
    Token prev = null;
    for (Token k : SqlTokens.tokenize(expr)) {
      boolean tightBefore = k.isPunct("(") && prev != null && prev.isIdent() || k.isPunct(")") || k.isPunct("[")
          || k.isPunct("]") || k.isPunct("::") || k.isPunct(",") || k.isPunct(".");
      boolean tightAfter = prev != null && (prev.isPunct("(") || prev.isPunct("[") || prev.isPunct("::")
          || prev.isPunct("."));
      if (prev != null && !tightBefore && !tightAfter) b.append(' ');
      b.append(k.text());
      prev = k;
    }
    return b.toString();
  }
}
