package dev.pgops.collect.statements;

/**
 * Replaces the literals of a SQL text with {@code ?}: string constants ({@code '…'} with {@code ''}
 * doubling, {@code E'…'} with backslash escapes, {@code U&'…'}, {@code B'…'}, {@code X'…'},
 * {@code N'…'}), dollar-quoted strings ({@code $$…$$}, {@code $tag$…$tag$}) and numeric constants
 * ({@code 42}, {@code 1.5e-3}, {@code .5}, {@code 0x1F}, {@code 1_000}). Comments ({@code --} to the end
 * of the line, nested {@code /* … *}{@code /}), quoted identifiers ({@code "…"}), parameters
 * ({@code $1}) and digits inside identifiers are left alone. An unterminated literal (a text truncated
 * by the server) is masked to the end. Assumes {@code standard_conforming_strings = on}.
 */
public final class QueryTextMasker {
  public static final String MASK = "?";

  private QueryTextMasker() {}

  public static String mask(String sql) {
    if (sql == null) return null;
    StringBuilder out = new StringBuilder(sql.length());
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      boolean tokenStart = i == 0 || !isIdentChar(sql.charAt(i - 1));
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = blockCommentEnd(sql, i);
        out.append(sql, i, end);
        i = end;
      } else if (c == '"') {
        int end = quotedEnd(sql, i + 1, '"', false);
        out.append(sql, i, end);
        i = end;
      } else if (c == '\'') {
        i = quotedEnd(sql, i + 1, '\'', false);
        out.append(MASK);
      } else if (tokenStart && (c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = quotedEnd(sql, i + 2, '\'', true);
        out.append(MASK);
      } else if (tokenStart && (c == 'U' || c == 'u') && sql.startsWith("&'", i + 1)) {
        i = quotedEnd(sql, i + 3, '\'', false);
        out.append(MASK);
      } else if (tokenStart && "BbXxNn".indexOf(c) >= 0 && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = quotedEnd(sql, i + 2, '\'', false);
        out.append(MASK);
      } else if (c == '$' && tokenStart) {
        int tagEnd = dollarTagEnd(sql, i);
        if (tagEnd < 0) {
          // a parameter ($1) or a lone $: copy the $ and the digits after it
          int end = i + 1;
          while (end < n && Character.isDigit(sql.charAt(end))) end++;
          out.append(sql, i, end);
          i = end;
        } else {
          String tag = sql.substring(i, tagEnd);
          int close = sql.indexOf(tag, tagEnd);
          i = close < 0 ? n : close + tag.length();
          out.append(MASK);
        }
      } else if (tokenStart && (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))))) {
        i = numberEnd(sql, i);
        out.append(MASK);
      } else if (isIdentStart(c)) {
        int end = i + 1;
        while (end < n && isIdentChar(sql.charAt(end))) end++;
        out.append(sql, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index after the closing quote (or the end of the text), from just after the opening quote. */
  private static int quotedEnd(String s, int from, char quote, boolean backslashEscapes) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static int blockCommentEnd(String s, int from) {
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) return i;
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** For a {@code $} at {@code i}: the index after the opening tag's closing {@code $}, or -1 if not a tag. */
  private static int dollarTagEnd(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '$') return j + 1;
    if (j >= s.length() || !isIdentStart(s.charAt(j))) return -1;
    while (j < s.length() && isIdentChar(s.charAt(j)) && s.charAt(j) != '$') j++;
    return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
  }

  private static int numberEnd(String s, int i) {
    int n = s.length();
    if (s.charAt(i) == '0' && i + 1 < n && "xXoObB".indexOf(s.charAt(i + 1)) >= 0) {
      int j = i + 2;
      while (j < n && (Character.digit(s.charAt(j), 16) >= 0 || s.charAt(j) == '_')) j++;
      return j;
    }
    int j = i;
    while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
    if (j < n && s.charAt(j) == '.' && !(j + 1 < n && s.charAt(j + 1) == '.')) {
      j++;
      while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
    }
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
      if (k < n && Character.isDigit(s.charAt(k))) {
        j = k;
        while (j < n && Character.isDigit(s.charAt(j))) j++;
      }
    }
    return j;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 127;
  }

  private static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }
}
