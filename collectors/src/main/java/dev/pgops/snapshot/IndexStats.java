package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * An index of the connected database ({@code pg_index}, {@code pg_class}, {@code pg_stat_user_indexes}).
 * {@code keyColumns} holds, per key position, the column name or, for an expression key, the expression
 * text as {@code pg_get_indexdef(oid, n, true)} prints it; {@code includeColumns} the INCLUDE columns.
 * {@code opclasses} and {@code collations} run parallel to the key columns (collation "" for a
 * non-collatable key). {@code predicate} is the
 * partial-index WHERE clause or null. {@code constraintType} is "p", "u", "x" when the index backs a
 * constraint, else null. {@code lastScan} is null before PG16 or when never scanned.
 */
public record IndexStats(
    String schema, String table, String name, String method, long sizeBytes,
    long scans, long tuplesRead, long tuplesFetched, long blocksRead, long blocksHit,
    boolean valid, boolean ready, boolean unique, boolean primary, boolean replicaIdentity,
    String constraintType, List<String> keyColumns, List<String> includeColumns,
    List<String> opclasses, List<String> collations, String predicate, String definition,
    Instant lastScan) {

  public IndexStats {
    keyColumns = List.copyOf(keyColumns == null ? List.of() : keyColumns);
    includeColumns = List.copyOf(includeColumns == null ? List.of() : includeColumns);
    opclasses = List.copyOf(opclasses == null ? List.of() : opclasses);
    collations = List.copyOf(collations == null ? List.of() : collations);
  }

  public String qualifiedName() {
    return schema + "." + name;
  }

  public String qualifiedTable() {
    return schema + "." + table;
  }

  /** Backs a primary key, unique or exclusion constraint, or is unique, or is the replica identity. */
  public boolean enforcesSomething() {
    return unique || primary || replicaIdentity || constraintType != null;
  }
}
