package dev.pgops.report;

/** XML/HTML text and attribute escaping for markup built in Java (the SVG charts). */
final class Xml {
  private Xml() {}

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters are not allowed in XML 1.0; drop them
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
          b.append(c);
        }
      }
    }
    return b.toString();
  }
}
