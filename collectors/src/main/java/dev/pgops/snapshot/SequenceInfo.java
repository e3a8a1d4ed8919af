package dev.pgops.snapshot;

/**
 * A sequence ({@code pg_sequences}) and, when it feeds a column (serial/identity/owned by), that column
 * and its type. {@code lastValue} is null when the sequence was never used or the role may not read it.
 */
public record SequenceInfo(
    String schema, String name, String dataType, Long lastValue, long minValue, long maxValue,
    long increment, boolean cycle, String ownedBySchema, String ownedByTable, String ownedByColumn,
    String ownedByColumnType) {

  public String qualifiedName() {
    return schema + "." + name;
  }
}
