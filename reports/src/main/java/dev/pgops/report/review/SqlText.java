package dev.pgops.report.review;

import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.review.Names;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to build SQL text from names as written in a migration (which may be quoted or hostile). */
final class SqlText {
  private SqlText() {}

  /** A string literal: {@code O'Brien} → {@code 'O''Brien'}. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** The normalised schema of a relation name: {@code orders} → {@code public}. */
  static String schemaOf(String written) {
    String n = Names.normalize(written);
    return n == null ? "public" : n.substring(0, n.indexOf('.'));
  }

  /** The normalised relation name without schema: {@code app."Orders"} → {@code Orders}. */
  static String relationOf(String written) {
    String n = Names.normalize(written);
    return n == null ? "" : n.substring(n.indexOf('.') + 1);
  }

  /** The word after the last top-level {@code TO} of an action ({@code RENAME COLUMN a TO b} → {@code b}), or null. */
  static String afterTo(String actionText) {
    List<Token> t = SqlTokens.tokenize(actionText);
    for (int i = t.size() - 2; i >= 0; i--) {
      if (t.get(i).is("TO") && t.get(i + 1).isIdent()) return t.get(i + 1).text();
    }
    return null;
  }

  /**
   * The argument types of {@code CREATE FUNCTION name(args)} for DROP FUNCTION: names and modes kept, defaults
   * dropped ({@code (a int, b text DEFAULT 'x')} → {@code (a int, b text)}); null when it cannot be read.
   */
  static String functionSignature(String createText) {
    List<Token> t = SqlTokens.tokenize(createText);
    int open = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).isPunct("(") && t.get(i).depth() == 0) {
        open = i;
        break;
      }
    }
    if (open < 0) return null;
    List<String> args = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean skipping = false;
    for (int i = open + 1; i < t.size(); i++) {
      Token k = t.get(i);
      if (k.depth() == 0 && k.isPunct(")")) {
        if (cur.length() > 0) args.add(cur.toString());
        return "(" + String.join(", ", args) + ")";
      }
      if (k.depth() == 1 && k.isPunct(",")) {
        args.add(cur.toString());
        cur.setLength(0);
        skipping = false;
        continue;
      }
      if (k.depth() == 1 && (k.is("DEFAULT") || k.isPunct("="))) skipping = true;
      if (skipping) continue;
      boolean tight = k.isPunct("(") || k.isPunct(")") || k.isPunct(",") || k.isPunct("[") || k.isPunct("]")
          || cur.length() > 0 && (cur.charAt(cur.length() - 1) == '(' || cur.charAt(cur.length() - 1) == '[');
      if (cur.length() > 0 && !tight) cur.append(' ');
      cur.append(k.text());
    }
    return null;
  }

  /** The name of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name(…)} as written (schema kept), or null. */
  static String functionName(String createText) {
    List<Token> t = SqlTokens.tokenize(createText);
    StringBuilder name = new StringBuilder();
    boolean started = false;
    for (Token k : t) {
      if (!started) {
        if (k.is("FUNCTION") || k.is("PROCEDURE")) started = true;
        continue;
      }
      if (k.isPunct("(")) return name.length() == 0 ? null : name.toString();
      if (k.isIdent() || k.isPunct(".")) name.append(k.text());
      else return null;
    }
    return null;
  }

  /** True for {@code CREATE OR REPLACE …}. */
  static boolean orReplace(String text) {
    List<Token> t = SqlTokens.tokenize(text);
    return t.size() > 2 && t.get(0).is("CREATE") && t.get(1).is("OR") && t.get(2).is("REPLACE");
  }

  /**
   * The first {@code max} characters of SQL for display, with "…" when cut; control characters other than tab and
   * newline (terminal escape sequences in a hostile file) become U+FFFD.
   */
  static String truncate(String sql, int max) {
    sql = visible(sql);
    if (sql.length() <= max) return sql;
    int cut = max;
    if (Character.isHighSurrogate(sql.charAt(cut - 1))) cut--;
    return sql.substring(0, cut) + " …";
  }

  static String visible(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0);
      if (control && b == null) b = new StringBuilder(s.substring(0, i));
      if (b != null) b.append(control ? '\uFFFD' : c);
    }
    return b == null ? s : b.toString();
  }

  /** A Markdown code fence longer than any backtick run in {@code text} (at least three). */
  static String fence(String text) {
    int longest = 0, run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
