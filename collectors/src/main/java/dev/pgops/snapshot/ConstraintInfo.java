package dev.pgops.snapshot;

import java.util.List;

/**
 * A constraint from {@code pg_constraint}. {@code type}: p primary key, f foreign key, u unique,
 * c check, x exclusion. For foreign keys the referenced table and columns, and the ON DELETE / ON
 * UPDATE actions (a, r, c, n, d as in {@code confdeltype}); null otherwise.
 */
public record ConstraintInfo(
    String schema, String table, String name, String type, boolean validated, boolean deferrable,
    List<String> columns, String referencedSchema, String referencedTable, List<String> referencedColumns,
    String onDelete, String onUpdate, String definition) {

  public ConstraintInfo {
    columns = List.copyOf(columns == null ? List.of() : columns);
    referencedColumns = List.copyOf(referencedColumns == null ? List.of() : referencedColumns);
  }

  public String qualifiedTable() {
    return schema + "." + table;
  }
}
