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
 *
 * <p>For SQL over an extension, whose columns follow the <em>installed extension version</em> (which
 * can lag the server), {@link #ofExtension} loads {@code name.sql} plus {@code name.extA_B.sql}
 * overrides, and {@link #forExtension(String)} picks the greatest A.B not above the installed version.
 */
public final class VersionedSql {
  static final int BASE = 0;
  private static final int MIN_MAJOR = 10;
  private static final int MAX_MAJOR = 40;

  private static final int MAX_EXT_MAJOR = 3;
  private static final int MAX_EXT_MINOR = 40;
  /** Extension versions are keyed as {@code major * EXT_SCALE + minor}: "1.10" → 1010. */
  static final int EXT_SCALE = 1000;

  private final String name;
  private final NavigableMap<Integer, String> variants;
  private final boolean byExtension;

  VersionedSql(String name, NavigableMap<Integer, String> variants) {
    this(name, variants, false);
  }

  VersionedSql(String name, NavigableMap<Integer, String> variants, boolean byExtension) {
    if (!variants.containsKey(BASE)) throw new IllegalArgumentException("no base variant " + name + ".sql");
    this.name = name;
    this.variants = Collections.unmodifiableNavigableMap(new TreeMap<>(variants));
    this.byExtension = byExtension;
  }

  /**
   * Loads {@code name.sql} (the oldest supported extension version) and every
   * {@code name.extA_B.sql} (A in 1..3, B in 0..40) from {@code anchor}'s package.
   */
  public static VersionedSql ofExtension(Class<?> anchor, String name) {
    NavigableMap<Integer, String> m = new TreeMap<>();
    String base = load(anchor, name + ".sql");
    if (base == null) {
      throw new IllegalStateException("missing SQL resource " + anchor.getPackageName().replace('.', '/') + "/" + name + ".sql");
    }
    m.put(BASE, base);
    for (int major = 1; major <= MAX_EXT_MAJOR; major++) {
      for (int minor = 0; minor <= MAX_EXT_MINOR; minor++) {
        String v = load(anchor, name + ".ext" + major + "_" + minor + ".sql");
        if (v != null) m.put(major * EXT_SCALE + minor, v);
      }
    }
    return new VersionedSql(name, m, true);
  }

  /**
   * An extension version ({@code pg_extension.extversion}, e.g. "1.10") as a comparable key
   * {@code major * 1000 + minor}; a missing minor counts as 0, further components and suffixes are
   * ignored ("1.4.1" → 1004, "2.0beta" → 2000).
   */
  public static int extensionKey(String extversion) {
    if (extversion == null) throw new IllegalArgumentException("no extension version");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)(?:\\.(\\d+))?").matcher(extversion.strip());
    if (!m.find()) throw new IllegalArgumentException("not an extension version: " + extversion);
    int major = Integer.parseInt(m.group(1));
    int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    if (minor >= EXT_SCALE) throw new IllegalArgumentException("not an extension version: " + extversion);
    return major * EXT_SCALE + minor;
  }

  /** The key of the variant used for {@code extversion}: 0 for the base file, else A*1000+B. */
  public int variantForExtension(String extversion) {
    requireKind(true);
    return variants.floorKey(Math.max(extensionKey(extversion), BASE));
  }

  public String forExtension(String extversion) {
    return variants.get(variantForExtension(extversion));
  }

  /** The file name of the variant used for {@code extversion}, e.g. {@code statements.ext1_9.sql}. */
  public String fileForExtension(String extversion) {
    int v = variantForExtension(extversion);
    return v == BASE ? name + ".sql" : name + ".ext" + v / EXT_SCALE + "_" + v % EXT_SCALE + ".sql";
  }

  private void requireKind(boolean extension) {
    if (byExtension != extension) {
      throw new IllegalStateException(name + " is keyed by " + (byExtension ? "extension" : "server") + " version");
    }
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

  /** The majors (or extension keys) that have an override (the base variant is not listed). */
  public java.util.SortedSet<Integer> overrides() {
    return Collections.unmodifiableSortedSet(new TreeMap<>(variants).tailMap(BASE, false).navigableKeySet());
  }

  /** The major of the variant used for {@code serverMajor}: 0 for the base file, else its NN. */
  public int variantFor(int serverMajor) {
    requireKind(false);
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
