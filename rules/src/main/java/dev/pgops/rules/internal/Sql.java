package dev.pgops.rules.internal;

/** Quoting for identifiers in remediation SQL (names are attacker-controlled text). */
public final class Sql {
  private Sql() {}

  /** Quotes an identifier when it is not a plain lower-case name, doubling embedded quotes. */
  public static String ident(String name) {
    if (name.matches("[a-z_][a-z0-9_$]*")) return name;
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  public static String qualified(String schema, String name) {
    return ident(schema) + "." + ident(name);
  }

  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
