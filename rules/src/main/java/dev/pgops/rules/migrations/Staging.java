package dev.pgops.rules.migrations;

import dev.pgops.review.Names;

/** Multi-step safe alternatives (SQL with -- comments) shared by the column and table rules. */
final class Staging {
  private Staging() {}

  /**
   * Add the column nullable (catalog-only), give new rows {@code defaultExpr} with SET DEFAULT (when not null), fill
   * existing rows in batches with {@code rowValue} (null: a placeholder), then make it NOT NULL without a long lock.
   */
  static String backfill(String table, String column, String type, String defaultExpr, String rowValue,
      boolean notNull, int major) {
    StringBuilder b = new StringBuilder();
    b.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(column).append(' ').append(type)
        .append(";  -- nullable, no default: catalog-only, brief lock\n");
    if (defaultExpr != null) {
      b.append("ALTER TABLE ").append(table).append(" ALTER COLUMN ").append(column).append(" SET DEFAULT ")
          .append(defaultExpr).append(";  -- new rows only\n");
    }
    b.append("-- fill existing rows in batches, each in its own transaction, until no row is updated:\n")
        .append("UPDATE ").append(table).append(" SET ").append(column).append(" = ")
        .append(rowValue == null ? "<value>" : rowValue).append(" WHERE id IN (SELECT id FROM ").append(table)
        .append(" WHERE ").append(column).append(" IS NULL LIMIT 10000);  -- id: the primary key\n");
    if (notNull) b.append(notNull(table, column, major));
    return b.toString().stripTrailing();
  }

  /** SET NOT NULL after a validated CHECK, so PostgreSQL 12+ skips the scan under ACCESS EXCLUSIVE. */
  static String notNull(String table, String column, int major) {
    String check = Names.simple(table) + "_" + Names.simple(column) + "_not_null";
    StringBuilder b = new StringBuilder();
    b.append("ALTER TABLE ").append(table).append(" ADD CONSTRAINT ").append(check).append(" CHECK (")
        .append(column).append(" IS NOT NULL) NOT VALID;\n")
        .append("ALTER TABLE ").append(table).append(" VALIDATE CONSTRAINT ").append(check)
        .append(";  -- scans, but reads and writes continue\n");
    if (major >= 12) {
      b.append("ALTER TABLE ").append(table).append(" ALTER COLUMN ").append(column)
          .append(" SET NOT NULL;  -- PostgreSQL 12+: uses the valid CHECK, no scan\n")
          .append("ALTER TABLE ").append(table).append(" DROP CONSTRAINT ").append(check).append(";\n");
    } else {
      b.append("-- before PostgreSQL 12 SET NOT NULL always scans under ACCESS EXCLUSIVE: keep the CHECK instead\n");
    }
    return b.toString();
  }

  /**
   * Expand/contract for a column that must change (type, name): new column, sync trigger, backfill, switch, drop.
   * {@code swap}: the new column takes the old one's name at the end (a type change).
   */
  static String expandContract(String table, String oldColumn, String newColumn, String newType, String valueFromOld,
      boolean swap) {
    String contract = swap
        ? "-- build the indexes and constraints the column needs on " + newColumn + " (CONCURRENTLY / NOT VALID), then "
            + "switch in one short transaction (and drop the trigger):\n"
            + "ALTER TABLE " + table + " RENAME COLUMN " + oldColumn + " TO " + Names.simple(oldColumn) + "_old;\n"
            + "ALTER TABLE " + table + " RENAME COLUMN " + newColumn + " TO " + oldColumn + ";\n"
            + "-- in a later migration:\nALTER TABLE " + table + " DROP COLUMN " + Names.simple(oldColumn) + "_old;"
        : "-- move the application to " + newColumn + " (reads, then writes); then contract in a later migration:\n"
            + "ALTER TABLE " + table + " DROP COLUMN " + oldColumn + ";";
    return "-- expand: a new column, kept in sync for new writes\n"
        + "ALTER TABLE " + table + " ADD COLUMN " + newColumn + " " + newType + ";\n"
        + "-- and a BEFORE INSERT OR UPDATE trigger that sets NEW." + newColumn + " from NEW." + oldColumn
        + " (" + valueFromOld + ")\n"
        + "-- backfill in batches, each in its own transaction:\n"
        + "UPDATE " + table + " SET " + newColumn + " = " + valueFromOld + " WHERE id IN (SELECT id FROM " + table
        + " WHERE " + newColumn + " IS NULL AND " + oldColumn + " IS NOT NULL LIMIT 10000);\n"
        + contract;
  }
}
