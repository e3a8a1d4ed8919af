package dev.pgops.review;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether {@code ALTER COLUMN … TYPE} from one type to another is binary-coercible (no rewrite): PostgreSQL docs,
 * ALTER TABLE notes — varchar length increase or removal, varchar ↔ text, numeric precision increase at the same
 * scale or removal, varbit length increase, time/timestamp/interval precision increase, cidr → inet.
 */
public final class TypeChanges {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
      Map.entry("int2", "smallint"), Map.entry("decimal", "numeric"), Map.entry("bit varying", "varbit"),
      Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
      Map.entry("float8", "double precision"),
      Map.entry("float4", "real"), Map.entry("bool", "boolean"));
  private static final Pattern TYPE = Pattern.compile("^([a-z_][a-z0-9_ ]*?)\\s*(?:\\(([0-9 ,]+)\\))?(\\s+with(?:out)? time zone)?(\\[\\])?$");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

  private TypeChanges() {}

  /** Canonical spelling: "character varying(20)" → "varchar(20)", "int4" → "integer". */
  public static String normalize(String type) {
    if (type == null) return "";
    // every rule asks about the same few column types: each spelling is normalised once
    String n = NORMALIZED.get(type);
    if (n == null) {
      n = normalizeOnce(type);
      if (NORMALIZED.size() < 10_000) NORMALIZED.put(type, n);  // bounded: a long-lived process sees few types
    }
    return n;
  }

  private static String normalizeOnce(String type) {
    String t = WHITESPACE.matcher(type.trim().toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").replace("pg_catalog.", "");
    Matcher m = TYPE.matcher(t);
    if (!m.matches()) return t;
    String base = m.group(1).trim() + (m.group(3) == null ? "" : m.group(3));
    base = ALIASES.getOrDefault(base, base);
    String mods = m.group(2) == null ? "" : "(" + m.group(2).replace(" ", "") + ")";
    return base + mods + (m.group(4) == null ? "" : "[]");
  }

  /** True when changing {@code from} to {@code to} needs no table rewrite. */
  public static boolean binaryCoercible(String from, String to) {
    String a = normalize(from);
    String b = normalize(to);
    if (a.isEmpty() || b.isEmpty()) return false;
    if (a.equals(b)) return true;
    String ab = base(a), bb = base(b);
    int[] am = mods(a), bm = mods(b);
    if ((ab.equals("varchar") || ab.equals("text")) && (bb.equals("text") || (bb.equals("varchar") && bm.length == 0))) return true;
    if (ab.equals("varchar") && bb.equals("varchar")) return am.length == 1 && bm.length == 1 && bm[0] >= am[0];
    if (ab.equals("varbit") && bb.equals("varbit")) return bm.length == 0 || (am.length == 1 && bm[0] >= am[0]);
    if (ab.equals("numeric") && bb.equals("numeric")) {
      if (bm.length == 0) return true;
      if (am.length == 0) return false;
      int as = am.length > 1 ? am[1] : 0, bs = bm.length > 1 ? bm[1] : 0;
      return as == bs && bm[0] >= am[0];
    }
    if (ab.equals(bb) && (ab.startsWith("timestamp") || ab.startsWith("time") || ab.equals("interval"))) {
      return bm.length == 0 || (am.length == 1 && bm[0] >= am[0]);
    }
    return ab.equals("cidr") && bb.equals("inet");
  }

  /**
   * True when a USING expression leaves the value as it is: the column itself, optionally cast to the new type
   * ({@code USING c}, {@code USING c::text}). PostgreSQL then decides the rewrite as without USING.
   */
  public static boolean usingKeepsValue(String column, String using, String to) {
    if (column == null || using == null) return false;
    String u = WHITESPACE.matcher(using.strip()).replaceAll(" ");
    String col = Names.simple(column);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^\\(?\\s*(\"[^\"]+\"|[a-z_][a-z0-9_$]*)\\s*\\)?"
        + "(?:\\s*::\\s*(.+))?$").matcher(u);
    if (!m.matches() || !Names.simple(m.group(1)).equals(col)) return false;
    return m.group(2) == null || normalize(m.group(2)).equals(normalize(to));
  }

  /** The type's name without modifiers or array brackets: "character varying(20)[]" → "varchar". */
  public static String baseName(String type) {
    String n = normalize(type);
    if (n.endsWith("[]")) n = n.substring(0, n.length() - 2);
    return base(n);
  }

  /**
   * True when some change to {@code to} can be binary-coercible, so a type change to it whose old type is unknown
   * may need no rewrite: varchar / text, numeric, varbit, time / timestamp / interval precision, inet.
   */
  public static boolean mayBeBinaryCoercibleTo(String to) {
    return switch (baseName(to)) {
      case "varchar", "text", "numeric", "varbit", "time", "timetz", "timestamp", "timestamptz", "interval", "inet" -> true;
      default -> false;
    };
  }

  /** timestamp ↔ timestamptz: PostgreSQL 12+ skips the rewrite when the session TimeZone is UTC. */
  public static boolean timeZoneChange(String from, String to) {
    String a = baseName(from), b = baseName(to);
    return (a.equals("timestamp") && b.equals("timestamptz")) || (a.equals("timestamptz") && b.equals("timestamp"));
  }

  private static String base(String t) {
    int p = t.indexOf('(');
    return p < 0 ? t : t.substring(0, p);
  }

  private static int[] mods(String t) {
    int p = t.indexOf('(');
    if (p < 0) return new int[0];
    String[] parts = t.substring(p + 1, t.indexOf(')', p)).split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].trim());
    return out;
  }
}
