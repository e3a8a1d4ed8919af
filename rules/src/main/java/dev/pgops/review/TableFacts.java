package dev.pgops.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database knows about a table a migration touches, from a snapshot or a live connection.
 *
 * @param name             schema.table
 * @param totalBytes       table + TOAST + indexes
 * @param tableBytes       heap and TOAST without indexes ({@code pg_table_size})
 * @param estimatedRows    {@code reltuples} (-1 when never analyzed)
 * @param indexCount       number of indexes
 * @param indexBytes       their total size
 * @param writesPerSecond  inserts + updates + deletes per second over the statistics window, or null
 * @param inboundForeignKeys foreign keys of other tables that reference this one ("public.items.order_id_fk")
 * @param columnTypes      column → type ({@code format_type}), for binary-coercible type changes
 * @param notNullChecks    columns with a valid {@code CHECK (col IS NOT NULL)}
 * @param activeSessions   live only: sessions holding or waiting for a lock on it right now ("pid 4711 app idle in transaction 3 min")
 * @param indexColumns     index name → its key columns in order, names as stored in the catalog (an expression key as
 *                         {@code pg_get_indexdef} prints it), for the valid, non-partial indexes
 *                         ({@code IndexStats.keyColumns}); empty when not read — then only {@code indexCount} is known
 */
public record TableFacts(String name, long totalBytes, long tableBytes, long estimatedRows, int indexCount,
    long indexBytes, Double writesPerSecond, List<String> inboundForeignKeys, Map<String, String> columnTypes,
    List<String> notNullChecks, List<String> activeSessions, Map<String, List<String>> indexColumns) {

  public TableFacts {
    inboundForeignKeys = List.copyOf(inboundForeignKeys == null ? List.of() : inboundForeignKeys);
    columnTypes = Map.copyOf(columnTypes == null ? Map.of() : columnTypes);
    notNullChecks = List.copyOf(notNullChecks == null ? List.of() : notNullChecks);
    activeSessions = List.copyOf(activeSessions == null ? List.of() : activeSessions);
    Map<String, List<String>> ic = new LinkedHashMap<>();
    if (indexColumns != null) indexColumns.forEach((k, v) -> ic.put(k, List.copyOf(v)));
    indexColumns = Collections.unmodifiableMap(ic);
  }

  /** Without index columns (only the index count is known). */
  public TableFacts(String name, long totalBytes, long tableBytes, long estimatedRows, int indexCount,
      long indexBytes, Double writesPerSecond, List<String> inboundForeignKeys, Map<String, String> columnTypes,
      List<String> notNullChecks, List<String> activeSessions) {
    this(name, totalBytes, tableBytes, estimatedRows, indexCount, indexBytes, writesPerSecond, inboundForeignKeys,
        columnTypes, notNullChecks, activeSessions, Map.of());
  }

  /** True when the key columns of every index are known (also when the table has no index). */
  public boolean indexColumnsKnown() {
    return indexCount == 0 || !indexColumns.isEmpty();
  }

  /** The same facts with the live sessions on it. */
  public TableFacts withActiveSessions(List<String> sessions) {
    return new TableFacts(name, totalBytes, tableBytes, estimatedRows, indexCount, indexBytes, writesPerSecond,
        inboundForeignKeys, columnTypes, notNullChecks, sessions, indexColumns);
  }
}
