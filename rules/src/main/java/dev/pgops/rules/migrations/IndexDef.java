package dev.pgops.rules.migrations;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A {@code CREATE INDEX} read from its tokens.
 *
 * @param name    the index as written, or null when unnamed
 * @param table   the table as written
 * @param columns the key columns in order, case-folded; an expression key as its text in parentheses (matches no
 *                column)
 * @param unique  UNIQUE
 * @param partial has a WHERE clause (cannot serve every lookup on its columns)
 */
record IndexDef(String name, String table, List<String> columns, boolean unique, boolean partial) {

  /** The index a CREATE INDEX statement builds, or null for other statements. */
  static IndexDef of(ClassifiedStatement c) {
    if (c.kind() != StatementKind.CREATE_INDEX || c.target() == null) return null;
    List<Token> t = SqlTokens.tokenize(c.text());
    int on = 0;
    while (on < t.size() && !(t.get(on).depth() == 0 && t.get(on).is("ON"))) on++;
    int open = on;
    while (open < t.size() && !(t.get(open).depth() == 0 && t.get(open).isPunct("("))) open++;
    List<String> columns = new ArrayList<>();
    int close = open < t.size() ? ConstraintClause.close(t, open) : t.size();
    int start = open + 1;
    for (int k = start; k <= close && k <= t.size(); k++) {
      if (k == close || k == t.size() || (t.get(k).depth() == 1 && t.get(k).isPunct(","))) {
        if (k > start) columns.add(key(t.subList(start, k)));
        start = k + 1;
      }
    }
    boolean partial = false;
    for (int k = close; k < t.size(); k++) if (t.get(k).depth() == 0 && t.get(k).is("WHERE")) partial = true;
    String name = c.targets().size() > 1 ? c.targets().get(1) : null;
    return new IndexDef(name, c.target(), List.copyOf(columns), c.has(Flag.UNIQUE), partial);
  }

  /** A plain column ({@code col [COLLATE …] [opclass] [ASC|DESC] [NULLS …]}) or an expression. */
  private static String key(List<Token> e) {
    boolean column = e.get(0).isIdent() && (e.size() == 1 || !(e.get(1).isPunct("(") || e.get(1).isPunct(".")
        || e.get(1).isPunct("::")));
    if (column) return Names.simple(e.get(0).text());
    StringBuilder b = new StringBuilder("(");
    for (Token x : e) b.append(b.length() == 1 ? "" : " ").append(x.text());
    return b.append(')').toString();
  }

  /** True when the first {@code columns.size()} key columns are exactly {@code columns}, in any order. */
  boolean leadsWith(List<String> keyColumns) {
    return !partial && leads(columns, keyColumns);
  }

  /**
   * True when the first {@code wanted.size()} entries of {@code index} are the {@code wanted} columns in any order:
   * an equality lookup on all of them (a foreign key check) can use such an index.
   */
  static boolean leads(List<String> index, List<String> wanted) {
    if (wanted.isEmpty() || index.size() < wanted.size()) return false;
    return new HashSet<>(index.subList(0, wanted.size())).equals(new HashSet<>(wanted));
  }
}
