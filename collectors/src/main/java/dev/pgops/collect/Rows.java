package dev.pgops.collect;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Null-aware result-set readers shared by the collectors. */
public final class Rows {
  private Rows() {}

  /** A {@code timestamptz} column as an Instant, or null. */
  public static Instant instant(ResultSet rs, String col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    if (t == null || t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) return null;
    return t.toInstant();
  }

  public static Long nullableLong(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  public static Double nullableDouble(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }

  /** A {@code text[]} column as a list (null → empty list; null elements → ""). */
  public static List<String> strings(ResultSet rs, String col) throws SQLException {
    Array a = rs.getArray(col);
    if (a == null) return List.of();
    Object[] values = (Object[]) a.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) out.add(v == null ? "" : v.toString());
    return out;
  }

  /** An {@code int[]} column as a list (null → empty list). */
  public static List<Integer> ints(ResultSet rs, String col) throws SQLException {
    Array a = rs.getArray(col);
    if (a == null) return List.of();
    Object[] values = (Object[]) a.getArray();
    List<Integer> out = new ArrayList<>(values.length);
    for (Object v : values) if (v != null) out.add(((Number) v).intValue());
    return out;
  }
}
