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
