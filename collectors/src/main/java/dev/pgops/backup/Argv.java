package dev.pgops.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a command line into an argument vector the way a POSIX shell splits words, without any of the rest of a
 * shell (no variables, globs, pipes or redirections): whitespace separates words, {@code '…'} is literal,
 * {@code "…"} is literal except that a backslash escapes {@code "} and {@code \}, and outside quotes a backslash
 * escapes the next character.
 */
public final class Argv {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Argv() {}

  /** The words of {@code line}; an unterminated quote or a trailing backslash is an IllegalArgumentException. */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) out.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) throw new IllegalArgumentException("unterminated ' in: " + line);
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char d = line.charAt(j);
          if (d == '\\' && j + 1 < line.length() && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) d = line.charAt(++j);
          word.append(d);
        }
        if (j >= line.length()) throw new IllegalArgumentException("unterminated \" in: " + line);
        i = j;
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= line.length()) throw new IllegalArgumentException("trailing \\ in: " + line);
        word.append(line.charAt(++i));
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) out.add(word.toString());
    return out;
  }

  /** The words joined back into one line, single-quoting those that need it (for messages and snapshot sources). */
  public static String render(List<String> argv) {
    List<String> parts = new ArrayList<>(argv.size());
    for (String a : argv) parts.add(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
    return String.join(" ", parts);
  }
}
