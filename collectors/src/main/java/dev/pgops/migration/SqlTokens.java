package dev.pgops.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small PostgreSQL tokenizer for one statement: words (keywords and unquoted identifiers), quoted identifiers,
 * literals (strings, {@code E''}, dollar-quoted bodies and numbers, each one token), punctuation; comments dropped.
 * Never throws: an unterminated literal or comment runs to the end of the text.
 */
public final class SqlTokens {

    public enum Type { WORD, QUOTED, LITERAL, PUNCT }

    /** One token; {@code upper} is the upper-cased text for words, the text otherwise; {@code depth} the paren depth. */
    public record Token(Type type, String text, String upper, int depth) {
        public boolean is(String keyword) {
            return type == Type.WORD && upper.equals(keyword);
        }

        public boolean isPunct(String p) {
            return type == Type.PUNCT && text.equals(p);
        }

        public boolean isIdent() {
            return type == Type.WORD || type == Type.QUOTED;
        }
    }

    private SqlTokens() {}

    public static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        int depth = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int level = 0;
                while (i < n) {
                    if (s.startsWith("/*", i)) { level++; i += 2; }
                    else if (s.startsWith("*/", i)) { level--; i += 2; if (level == 0) break; }
                    else i++;
                }
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && s.charAt(i + 1) == '\'')) {
                int start = i;
                boolean escapes = c != '\'';
                i += escapes ? 2 : 1;
                while (i < n) {
                    char d = s.charAt(i);
                    if (escapes && d == '\\') { i += 2; continue; }
                    if (d == '\'') {
                        if (i + 1 < n && s.charAt(i + 1) == '\'') { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
                out.add(literal(s.substring(start, Math.min(i, n)), depth));
            } else if (c == '"') {
                int start = i++;
                StringBuilder b = new StringBuilder();
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') { b.append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    b.append(d);
                    i++;
                }
                String text = s.substring(start, Math.min(i, n));
                out.add(new Token(Type.QUOTED, text, text, depth));
            } else if (c == '$' && dollarTagEnd(s, i) > 0) {
                int tagEnd = dollarTagEnd(s, i);
                String tag = s.substring(i, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.add(literal(s.substring(i, end), depth));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) i++;
                out.add(literal(s.substring(start, i), depth));
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$'
                        || s.charAt(i) > 127)) i++;
                String text = s.substring(start, i);
                out.add(new Token(Type.WORD, text, text.toUpperCase(Locale.ROOT), depth));
            } else {
                if (c == ')') depth = Math.max(0, depth - 1);
                String p = c == ':' && i + 1 < n && s.charAt(i + 1) == ':' ? "::" : String.valueOf(c);
                out.add(new Token(Type.PUNCT, p, p, depth));
                if (c == '(' || c == '[') depth++;
                if (c == ']') depth = Math.max(0, depth - 1);
                i += p.length();
            }
        }
        return out;
    }

    private static Token literal(String text, int depth) {
        return new Token(Type.LITERAL, text, text, depth);
    }

    /** End (exclusive) of a {@code $tag$} opening at i, or -1 ({@code $1} parameters are not tags). */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && Character.isDigit(s.charAt(j))) return -1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }
}
