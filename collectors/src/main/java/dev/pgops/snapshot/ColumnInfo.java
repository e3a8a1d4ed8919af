package dev.pgops.snapshot;

/**
 * A column of a user table ({@code pg_attribute}): the type as {@code format_type} prints it,
 * {@code identity} ("a" always, "d" by default, "" none), {@code generated} ("s" stored, ""),
 * the default expression or null, and the column comment or null.
 */
public record ColumnInfo(
    String schema, String table, String name, int position, String dataType, boolean notNull,
    String defaultExpression, String identity, String generated, String comment) {

  public String qualifiedTable() {
    return schema + "." + table;
  }
}
