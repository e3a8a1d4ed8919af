package dev.pgops.review;

import java.util.Locale;

/** Relation names as PostgreSQL resolves them: unquoted parts fold to lower case, no schema means public. */
public final class Names {
  private Names() {}

  /** {@code Orders} → {@code public.orders}; {@code "Sales"."Q1"} → {@code Sales.Q1}; null → null. */
  public static String normalize(String written) {
    if (written == null || written.isBlank()) return null;
    String[] parts = split(written);
    if (parts.length == 1) return "public." + parts[0];
    return parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  /** The unqualified, case-folded name. */
  public static String simple(String written) {
    if (written == null) return null;
    String[] parts = split(written);
    return parts[parts.length - 1];
  }

  /** The schema part of a written name with its dot ({@code app.orders} → {@code app.}), or "". */
  public static String schemaPrefix(String written) {
    int dot = lastUnquotedDot(written);
    return dot < 0 ? "" : written.substring(0, dot + 1);
  }

  /** The last part of a written name as written ({@code app."Orders"} → {@code "Orders"}). */
  public static String lastPart(String written) {
    int dot = lastUnquotedDot(written);
    return dot < 0 ? written : written.substring(dot + 1);
  }

  private static int lastUnquotedDot(String s) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (c == '.' && !quoted) last = i;
    }
    return last;
  }

  private static String[] split(String written) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < written.length() && written.charAt(i + 1) == '"') { cur.append('"'); i++; continue; }
        quoted = !quoted;
        wasQuoted = true;
      } else if (c == '.' && !quoted) {
        out.add(wasQuoted ? cur.toString() : cur.toString().toLowerCase(Locale.ROOT));
        cur.setLength(0);
        wasQuoted = false;
      } else {
        cur.append(c);
      }
    }
    out.add(wasQuoted ? cur.toString() : cur.toString().toLowerCase(Locale.ROOT));
    return out.toArray(String[]::new);
  }
}
