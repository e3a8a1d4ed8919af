package dev.pgops.review;

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
 */
public record TableFacts(String name, long totalBytes, long tableBytes, long estimatedRows, int indexCount,
    long indexBytes, Double writesPerSecond, List<String> inboundForeignKeys, Map<String, String> columnTypes,
    List<String> notNullChecks, List<String> activeSessions) {

  public TableFacts {
    inboundForeignKeys = List.copyOf(inboundForeignKeys == null ? List.of() : inboundForeignKeys);
    columnTypes = Map.copyOf(columnTypes == null ? Map.of() : columnTypes);
    notNullChecks = List.copyOf(notNullChecks == null ? List.of() : notNullChecks);
    activeSessions = List.copyOf(activeSessions == null ? List.of() : activeSessions);
  }

  /** The same facts with the live sessions on it. */
  public TableFacts withActiveSessions(List<String> sessions) {
    return new TableFacts(name, totalBytes, tableBytes, estimatedRows, indexCount, indexBytes, writesPerSecond,
        inboundForeignKeys, columnTypes, notNullChecks, sessions);
  }
}
