package dev.pgops.collect.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small PostgreSQL lexer pass over an untrusted query text: it skips string literals ({@code '…'},
 * {@code E'…'} with backslash escapes), quoted identifiers, dollar-quoted bodies and comments (nested
 * block comments included), and reports what lies outside them: the words (upper-cased), whether a
 * {@code ;} separates two statements, the highest {@code $n} parameter and whether a literal or
 * comment is left open. It does not validate SQL; the server (or JSqlParser) does that.
 *
 * @param words unquoted words outside literals and comments, upper-cased, in order; a {@code (} is
 *     kept as the word "(" so a caller can tell {@code nextval(} from a column named nextval
 * @param multipleStatements a {@code ;} is followed by anything but whitespace and comments
 * @param maxParam the highest {@code $n}, 0 when there is none
 * @param unterminated a literal, quoted identifier or comment is still open at the end, or a plain
 *     {@code '…'} literal holds a backslash (whether it escapes the next quote depends on the
 *     server's {@code standard_conforming_strings}, so the text is treated as unreadable)
 */
record SqlScan(List<String> words, boolean multipleStatements, int maxParam, boolean unterminated) {

  /** Statements EXPLAIN and PREPARE accept; anything else starting a text is treated as a utility statement. */
  static final Set<String> EXPLAINABLE_FIRST_WORDS = Set.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE");

  SqlScan {
    words = List.copyOf(words);
  }

  /** The first word, skipping opening parentheses, or "" for an empty text. */
  String firstWord() {
    for (String w : words) if (!w.equals("(")) return w;
    return "";
  }

  boolean explainable() {
    return EXPLAINABLE_FIRST_WORDS.contains(firstWord());
  }

  static SqlScan of(String sql) {
    List<String> words = new ArrayList<>();
    boolean semicolonSeen = false;
    boolean multiple = false;
    int maxParam = 0;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            i++;
          }
        }
        if (depth > 0) return new SqlScan(words, multiple, maxParam, true);
        continue;
      }
      // anything else is a token: a ';' seen before it means a second statement
      if (semicolonSeen) multiple = true;
      if (c == ';') {
        semicolonSeen = true;
        i++;
        continue;
      }
      if (c == '\'') {
        boolean escapes = !words.isEmpty() && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
            && words.get(words.size() - 1).equals("E");
        if (escapes) words.remove(words.size() - 1);
        int end = skipQuoted(sql, i, '\'', escapes);
        if (end < 0 || (!escapes && sql.substring(i, end).indexOf('\\') >= 0)) return new SqlScan(words, multiple, maxParam, true);
        i = end;
        continue;
      }
      if (c == '"') {
        int end = skipQuoted(sql, i, '"', false);
        if (end < 0) return new SqlScan(words, multiple, maxParam, true);
        words.add("\"");
        i = end;
        continue;
      }
      if (c == '$') {
        int j = i + 1;
        if (j < n && Character.isDigit(sql.charAt(j))) {
          while (j < n && Character.isDigit(sql.charAt(j))) j++;
          String digits = sql.substring(i + 1, j);
          maxParam = Math.max(maxParam, digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits));
          i = j;
          continue;
        }
        while (j < n && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') j++;
        if (j < n && sql.charAt(j) == '$' && (j == i + 1 || isIdentStart(sql.charAt(i + 1)))) {
          String tag = sql.substring(i, j + 1);
          int close = sql.indexOf(tag, j + 1);
          if (close < 0) return new SqlScan(words, multiple, maxParam, true);
          i = close + tag.length();
          continue;
        }
        i++;
        continue;
      }
      if (isIdentStart(c)) {
        int j = i + 1;
        while (j < n && isIdentPart(sql.charAt(j))) j++;
        words.add(sql.substring(i, j).toUpperCase(Locale.ROOT));
        i = j;
        continue;
      }
      if (c == '(') words.add("(");
      i++;
    }
    return new SqlScan(words, multiple, maxParam, false);
  }

  /** Index after the closing quote, or -1 when unterminated; a doubled quote is an escaped quote. */
  private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
    int n = sql.length();
    int i = start + 1;
    while (i < n) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 127;
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || Character.isDigit(c) || c == '$';
  }
}
