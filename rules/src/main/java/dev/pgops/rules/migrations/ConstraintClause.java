package dev.pgops.rules.migrations;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.review.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table constraint as written after {@code ALTER TABLE … ADD} or as an element of {@code CREATE TABLE (…)},
 * read from its tokens: what the constraint rules need and the classifier does not keep per action (columns,
 * referenced table, NOT VALID, USING INDEX, the columns a CHECK proves NOT NULL).
 *
 * @param kind              what it is
 * @param name              the constraint name as written, or null when unnamed
 * @param columns           key columns (PRIMARY KEY, UNIQUE, FOREIGN KEY, NOT NULL), case-folded
 * @param referencedTable   FOREIGN KEY: the referenced table as written; else null
 * @param referencedColumns FOREIGN KEY: the referenced columns as written, or empty (the primary key)
 * @param usingIndex        {@code … USING INDEX name}: the index as written; else null
 * @param notValid          {@code NOT VALID} given
 * @param notNullColumns    CHECK: the columns its top-level {@code col IS NOT NULL} conjuncts prove non-null
 * @param body              CHECK: the expression inside the parentheses; else the clause after the kind keyword
 */
record ConstraintClause(Kind kind, String name, List<String> columns, String referencedTable,
    List<String> referencedColumns, String usingIndex, boolean notValid, Set<String> notNullColumns, String body) {

  enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE, NOT_NULL, OTHER }

  /** The constraint of an {@code ADD [CONSTRAINT name] …} action, or null for other actions. */
  static ConstraintClause of(AlterAction a) {
    if (a.kind() != AlterAction.Kind.ADD_CONSTRAINT) return null;
    List<Token> t = SqlTokens.tokenize(a.text());
    return t.size() < 2 ? null : parse(t.subList(1, t.size()));
  }

  /** The table constraints (not column constraints) among the elements of {@code CREATE TABLE name (…)}. */
  static List<ConstraintClause> ofCreateTable(String sql) {
    List<Token> t = SqlTokens.tokenize(sql);
    List<ConstraintClause> out = new ArrayList<>();
    int open = 0;
    while (open < t.size() && !(t.get(open).depth() == 0 && t.get(open).isPunct("("))) open++;
    int start = open + 1;
    for (int k = start; k < t.size(); k++) {
      Token x = t.get(k);
      boolean end = x.depth() == 0 && x.isPunct(")");
      if (end || (x.depth() == 1 && x.isPunct(","))) {
        if (k > start && Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE").contains(t.get(start).upper())
            && t.get(start).type() == SqlTokens.Type.WORD) {
          out.add(parse(t.subList(start, k)));
        }
        start = k + 1;
        if (end) break;
      }
    }
    return out;
  }

  /** Parses tokens starting at {@code CONSTRAINT name} or at the kind keyword. */
  static ConstraintClause parse(List<Token> t) {
    int depth = t.get(0).depth();
    int i = 0;
    String name = null;
    if (t.get(0).is("CONSTRAINT") && t.size() > 1) {
      name = t.get(1).text();
      i = 2;
    }
    Kind kind = Kind.OTHER;
    String w = i < t.size() ? t.get(i).upper() : "";
    switch (w) {
      case "PRIMARY" -> { kind = Kind.PRIMARY_KEY; i += is(t, i + 1, "KEY") ? 2 : 1; }
      case "UNIQUE" -> {
        kind = Kind.UNIQUE;
        i++;
        // UNIQUE NULLS [NOT] DISTINCT (PostgreSQL 15)
        while (i < t.size() && (t.get(i).is("NULLS") || t.get(i).is("NOT") || t.get(i).is("DISTINCT"))) i++;
      }
      case "CHECK" -> { kind = Kind.CHECK; i++; }
      case "FOREIGN" -> { kind = Kind.FOREIGN_KEY; i += is(t, i + 1, "KEY") ? 2 : 1; }
      case "EXCLUDE" -> { kind = Kind.EXCLUDE; i++; }
      case "NOT" -> { if (is(t, i + 1, "NULL")) { kind = Kind.NOT_NULL; i += 2; } }
      default -> { }
    }
    boolean notValid = false;
    for (int k = i; k + 1 < t.size(); k++) {
      if (t.get(k).depth() == depth && t.get(k).is("NOT") && t.get(k + 1).is("VALID")) notValid = true;
    }
    List<String> columns = new ArrayList<>();
    String refTable = null;
    List<String> refColumns = new ArrayList<>();
    String usingIndex = null;
    Set<String> notNull = new LinkedHashSet<>();
    String body = join(t, i, t.size());
    switch (kind) {
      case PRIMARY_KEY, UNIQUE -> {
        if (is(t, i, "USING") && is(t, i + 1, "INDEX") && i + 2 < t.size()) usingIndex = t.get(i + 2).text();
        else if (punct(t, i, "(")) columns.addAll(identifiers(t, i));
      }
      case FOREIGN_KEY -> {
        if (punct(t, i, "(")) {
          columns.addAll(identifiers(t, i));
          i = close(t, i) + 1;
        }
        if (is(t, i, "REFERENCES")) {
          int j = i + 1;
          StringBuilder b = new StringBuilder();
          while (j < t.size() && (t.get(j).isIdent() || t.get(j).isPunct("."))) b.append(t.get(j++).text());
          refTable = b.length() == 0 ? null : b.toString();
          if (punct(t, j, "(")) for (Token x : inside(t, j)) if (x.isIdent()) refColumns.add(x.text());
        }
      }
      case CHECK -> {
        if (punct(t, i, "(")) {
          List<Token> expr = inside(t, i);
          body = join(expr, 0, expr.size());
          notNull.addAll(notNullColumns(expr));
        }
      }
      case NOT_NULL -> { if (i < t.size() && t.get(i).isIdent()) columns.add(Names.simple(t.get(i).text())); }
      default -> { }
    }
    return new ConstraintClause(kind, name, List.copyOf(columns), refTable, List.copyOf(refColumns), usingIndex,
        notValid, Collections.unmodifiableSet(notNull), body);
  }

  /**
   * The columns a CHECK expression proves non-null: each top-level {@code AND} conjunct of the form
   * {@code col IS NOT NULL} (outer parentheses ignored). PostgreSQL 12+ skips the SET NOT NULL scan when a valid
   * CHECK implies {@code col IS NOT NULL}; a conjunction implies each of its conjuncts.
   */
  static Set<String> notNullColumns(List<Token> expr) {
    Set<String> out = new LinkedHashSet<>();
    List<Token> e = unwrap(expr);
    if (e.isEmpty()) return out;
    int depth = e.get(0).depth();
    int start = 0;
    for (int k = 0; k <= e.size(); k++) {
      if (k == e.size() || (e.get(k).depth() == depth && e.get(k).is("AND"))) {
        List<Token> c = unwrap(e.subList(start, k));
        if (c.size() == 4 && c.get(0).isIdent() && c.get(1).is("IS") && c.get(2).is("NOT") && c.get(3).is("NULL")) {
          out.add(Names.simple(c.get(0).text()));
        } else if (c.size() < e.size()) {
          out.addAll(notNullColumns(c)); // a parenthesised conjunction inside the conjunction
        }
        start = k + 1;
      }
    }
    return out;
  }

  /** Strips parentheses that enclose the whole list. */
  private static List<Token> unwrap(List<Token> t) {
    while (t.size() >= 2 && t.get(0).isPunct("(") && close(t, 0) == t.size() - 1) t = t.subList(1, t.size() - 1);
    return t;
  }

  /** Case-folded identifiers directly inside the parentheses opening at {@code open}. */
  private static List<String> identifiers(List<Token> t, int open) {
    List<String> out = new ArrayList<>();
    int d = t.get(open).depth() + 1;
    for (Token x : inside(t, open)) if (x.depth() == d && x.isIdent()) out.add(Names.simple(x.text()));
    return out;
  }

  private static List<Token> inside(List<Token> t, int open) {
    return t.subList(open + 1, Math.max(open + 1, close(t, open)));
  }

  /** Index of the parenthesis closing the one at {@code open} (the end of the list when unbalanced). */
  static int close(List<Token> t, int open) {
    int d = t.get(open).depth();
    for (int k = open + 1; k < t.size(); k++) if (t.get(k).depth() == d && t.get(k).isPunct(")")) return k;
    return t.size();
  }

  private static boolean is(List<Token> t, int i, String kw) {
    return i < t.size() && t.get(i).is(kw);
  }

  private static boolean punct(List<Token> t, int i, String p) {
    return i < t.size() && t.get(i).isPunct(p);
  }

  /** Multi-character operators the tokenizer splits into single characters, to be joined back. */
  private static final Set<String> OPERATORS = Set.of(">=", "<=", "<>", "!=", "||", "->", "->>", "#>", "#>>", "@>",
      "<@", "&&", "!~", "~*", "!~*", "~~", "!~~", "~~*", "@@", "<<", ">>", "-|-");

  /** Tokens as SQL text: single spaces, none inside parentheses, before commas or within an operator ({@code >=}). */
  static String join(List<Token> t, int from, int to) {
    StringBuilder b = new StringBuilder();
    String operator = "";
    for (int k = from; k < to; k++) {
      Token x = t.get(k);
      Token prev = k > from ? t.get(k - 1) : null;
      boolean symbol = x.type() == SqlTokens.Type.PUNCT && !x.isPunct("(") && !x.isPunct(")") && !x.isPunct(",");
      boolean continuesOperator = symbol && !operator.isEmpty() && startsOperator(operator + x.text());
      boolean tight = prev == null || x.isPunct(")") || x.isPunct(",") || x.isPunct(".") || x.isPunct("::")
          || prev.isPunct("(") || prev.isPunct(".") || prev.isPunct("::") || continuesOperator
          || (x.isPunct("(") && prev.isIdent() && !KEYWORDS_BEFORE_PARENS.contains(prev.upper()));
      b.append(tight ? "" : " ").append(x.text());
      operator = !symbol ? "" : continuesOperator ? operator + x.text() : x.text();
    }
    return b.toString();
  }

  private static final Set<String> KEYWORDS_BEFORE_PARENS = Set.of("REFERENCES", "KEY", "CHECK", "IN", "AND", "OR",
      "NOT", "UNIQUE", "EXCLUDE", "WHERE", "USING", "INCLUDE", "WITH", "DISTINCT");

  private static boolean startsOperator(String s) {
    for (String op : OPERATORS) if (op.startsWith(s)) return true;
    return false;
  }
}
