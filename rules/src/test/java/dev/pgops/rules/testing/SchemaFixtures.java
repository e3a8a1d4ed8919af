package dev.pgops.rules.testing;

import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.SequenceInfo;

/** Extra records for the schema rule tests. */
public final class SchemaFixtures {
  private SchemaFixtures() {}

  public static final long MB = 1L << 20, GB = 1L << 30;

  public static BloatEstimate tableBloat(String qualifiedTable, long actual, long expected, boolean statsMissing) {
    String[] p = Fixtures.split(qualifiedTable);
    return new BloatEstimate(p[0], p[1], null, actual, expected, statsMissing);
  }

  public static BloatEstimate indexBloat(String qualifiedIndex, String table, long actual, long expected, boolean statsMissing) {
    String[] p = Fixtures.split(qualifiedIndex);
    return new BloatEstimate(p[0], table, p[1], actual, expected, statsMissing);
  }

  public static ColumnInfo column(String qualifiedTable, String name, int position, String type, boolean notNull, String comment) {
    String[] p = Fixtures.split(qualifiedTable);
    return new ColumnInfo(p[0], p[1], name, position, type, notNull, null, "", "", comment);
  }

  /** A sequence with every field; {@code ownedBy} is "schema.table.column" or null. */
  public static SequenceInfo sequence(String qualifiedName, String type, Long lastValue, long min, long max, long increment,
      boolean cycle, String ownedBy, String ownedType) {
    String[] p = Fixtures.split(qualifiedName);
    String[] o = ownedBy == null ? new String[] {null, null, null} : ownedBy.split("\\.");
    return new SequenceInfo(p[0], p[1], type, lastValue, min, max, increment, cycle, o[0], o[1], o.length > 2 ? o[2] : null,
        ownedType);
  }
}
