package dev.pgops.rules.migrations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mechanical rewrites of a statement into its safe form, for remediation text. */
final class Rewrite {
  private Rewrite() {}

  /**
   * Inserts CONCURRENTLY after the first {@code keyword} (INDEX, MATERIALIZED VIEW, REINDEX's TABLE …) and, for
   * CREATE/DROP INDEX, IF [NOT] EXISTS so a retry after a failure works. Returns the statement with a terminating semicolon.
   */
  static String concurrently(String sql, String keyword) {
    String one = sql.strip();
    Matcher m = Pattern.compile("(?i)\\b" + keyword.replace(" ", "\\s+") + "\\b").matcher(one);
    if (!m.find()) return one + ";";
    String head = one.substring(0, m.end());
    String tail = one.substring(m.end()).stripLeading();
    String ifClause = "";
    if (keyword.equalsIgnoreCase("INDEX") && !tail.toUpperCase(java.util.Locale.ROOT).startsWith("IF ")) {
      boolean create = head.toUpperCase(java.util.Locale.ROOT).startsWith("CREATE");
      boolean drop = head.toUpperCase(java.util.Locale.ROOT).startsWith("DROP");
      boolean named = create && !tail.toUpperCase(java.util.Locale.ROOT).startsWith("ON ");
      if (drop) ifClause = "IF EXISTS ";
      else if (named) ifClause = "IF NOT EXISTS ";
    }
    return head + " CONCURRENTLY " + ifClause + tail + ";";
  }

  /**
   * The two-step form of adding a validated constraint: {@code ADD CONSTRAINT … NOT VALID} (brief, checks new rows
   * only), then {@code VALIDATE CONSTRAINT} in a later transaction, which scans under SHARE UPDATE EXCLUSIVE.
   */
  static String notValidThenValidate(String table, String name, String definition) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition + " NOT VALID; then, in a separate "
        + "transaction (it scans under SHARE UPDATE EXCLUSIVE: reads and writes continue): ALTER TABLE " + table
        + " VALIDATE CONSTRAINT " + name + ";";
  }
}
