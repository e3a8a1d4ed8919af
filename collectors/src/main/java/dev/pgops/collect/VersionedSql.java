package dev.pgops.collect;

import dev.pgops.snapshot.PgVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A query kept in {@code .sql} resources next to its collector: {@code name.sql} (the base variant,
 * valid from PostgreSQL 13) and optional {@code name.pgNN.sql} overrides. {@link #forMajor(int)} picks
 * the variant with the greatest NN not above the server major. Leading {@code --} comment lines (the
 * header every file opens with) are dropped from the text sent to the server.
 */
public final class VersionedSql {
  static final int BASE = 0;
  private static final int MIN_MAJOR = 10;
  private static final int MAX_MAJOR = 40;

  private final String name;
  private final NavigableMap<Integer, String> variants;

  VersionedSql(String name, NavigableMap<Integer, String> variants) {
    if (!variants.containsKey(BASE)) throw new IllegalArgumentException("no base variant " + name + ".sql");
    this.name = name;
    this.variants = Collections.unmodifiableNavigableMap(new TreeMap<>(variants));
  }

  /** Loads {@code name.sql} and every {@code name.pgNN.sql} from {@code anchor}'s package. */
  public static VersionedSql of(Class<?> anchor, String name) {
    NavigableMap<Integer, String> m = new TreeMap<>();
    String base = load(anchor, name + ".sql");
    if (base == null) {
      throw new IllegalStateException("missing SQL resource " + anchor.getPackageName().replace('.', '/') + "/" + name + ".sql");
    }
    m.put(BASE, base);
    for (int major = MIN_MAJOR; major <= MAX_MAJOR; major++) {
      String v = load(anchor, name + ".pg" + major + ".sql");
      if (v != null) m.put(major, v);
    }
    return new VersionedSql(name, m);
  }

  public String name() {
    return name;
  }

  /** The majors that have an override (the base variant is not listed). */
  public java.util.SortedSet<Integer> overrides() {
    return Collections.unmodifiableSortedSet(new TreeMap<>(variants).tailMap(BASE, false).navigableKeySet());
  }

  /** The major of the variant used for {@code serverMajor}: 0 for the base file, else its NN. */
  public int variantFor(int serverMajor) {
    return variants.floorKey(Math.max(serverMajor, BASE));
  }

  public String forMajor(int serverMajor) {
    return variants.get(variantFor(serverMajor));
  }

  public String forVersion(PgVersion v) {
    return forMajor(v.major());
  }

  /** The file name of the variant used for {@code serverMajor}, for messages and tests. */
  public String fileFor(int serverMajor) {
    int v = variantFor(serverMajor);
    return v == BASE ? name + ".sql" : name + ".pg" + v + ".sql";
  }

  private static String load(Class<?> anchor, String file) {
    try (InputStream in = anchor.getResourceAsStream(file)) {
      if (in == null) return null;
      return stripHeader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String stripHeader(String text) {
    StringBuilder out = new StringBuilder();
    boolean inHeader = true;
    for (String line : text.split("\n", -1)) {
      if (inHeader && (line.isBlank() || line.stripLeading().startsWith("--"))) continue;
      inHeader = false;
      out.append(line).append('\n');
    }
    String s = out.toString().strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }
}
