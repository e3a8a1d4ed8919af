package dev.pgops.drill;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server binaries a drill starts the restored cluster with: a directory holding {@code postgres}
 * and {@code pg_ctl} of the backup's major version.
 *
 * <p>Lookup, first match whose {@code postgres --version} has the backup's major wins: {@code --pg-bin DIR} (must
 * match, else the drill fails saying so); {@code /usr/lib/postgresql/<major>/bin} (Debian, Ubuntu);
 * {@code /usr/pgsql-<major>/bin} (RHEL and the PGDG RPMs); {@code /usr/local/pgsql/bin}; every {@code PATH}
 * directory holding {@code postgres}; and {@code <java.io.tmpdir>/embedded-pg/PG-* /bin}, where embedded
 * PostgreSQL (zonky: {@code pgops demo}, the tests) unpacks its binaries.
 *
 * @param dir     the directory
 * @param major   major version of the binaries
 * @param version full version ("17.2")
 */
public record PgBinaries(Path dir, int major, String version) {
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

  public Path postgres() {
    return dir.resolve("postgres");
  }

  public Path pgCtl() {
    return dir.resolve("pg_ctl");
  }

  /**
   * A client program of the same major ({@code pg_amcheck} …): next to the server binaries, else in the
   * Debian / RHEL directories of that major; null when absent.
   */
  public Path client(String name) {
    for (Path d : List.of(dir, Path.of("/usr/lib/postgresql", Integer.toString(major), "bin"),
        Path.of("/usr/pgsql-" + major, "bin"))) {
      Path p = d.resolve(name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
    }
    return null;
  }

  /** The binaries for {@code major}: {@code explicit} when given, else the lookup above. */
  public static PgBinaries find(Path explicit, int major) throws DrillFailure {
    if (explicit != null) {
      PgBinaries b = probe(explicit);
      if (b == null) throw new DrillFailure("--pg-bin " + explicit + ": no runnable postgres there");
      if (b.major() != major) {
        throw new DrillFailure("--pg-bin " + explicit + " holds PostgreSQL " + b.version() + " binaries, the backup is PostgreSQL " + major);
      }
      return b;
    }
    List<Path> looked = candidates(major);
    for (Path dir : looked) {
      PgBinaries b = probe(dir);
      if (b != null && b.major() == major) return b;
    }
    throw new DrillFailure("no PostgreSQL " + major + " server binaries found (looked in /usr/lib/postgresql/" + major
        + "/bin, /usr/pgsql-" + major + "/bin, /usr/local/pgsql/bin, PATH, embedded-pg under the temp directory): pass --pg-bin DIR");
  }

  /** Directories to look at for {@code major}, in order (only those with a {@code postgres} file). */
  static List<Path> candidates(int major) {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(Path.of("/usr/lib/postgresql", Integer.toString(major), "bin"));
    dirs.add(Path.of("/usr/pgsql-" + major, "bin"));
    dirs.add(Path.of("/usr/local/pgsql/bin"));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        if (!d.isEmpty()) dirs.add(Path.of(d));
      }
    }
    Path embedded = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    if (Files.isDirectory(embedded)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(embedded, "PG-*")) {
        List<Path> found = new ArrayList<>();
        s.forEach(p -> found.add(p.resolve("bin")));
        found.sort(null);
        dirs.addAll(found);
      } catch (IOException e) {
        // an unreadable cache is no candidate
      }
    }
    return dirs.stream().filter(d -> Files.isRegularFile(d.resolve("postgres"))).toList();
  }

  /** The binaries in {@code dir} with their version, or null when there is no runnable postgres. */
  static PgBinaries probe(Path dir) {
    Path postgres = dir.resolve("postgres");
    if (!Files.isRegularFile(postgres) || !Files.isExecutable(postgres)) return null;
    try {
      Processes.Result r = Processes.run(List.of(postgres.toString(), "--version"), Duration.ofSeconds(20));
      Matcher m = VERSION.matcher(r.output());
      if (!r.ok() || !m.find()) return null;
      int major = Integer.parseInt(m.group(1));
      return new PgBinaries(dir.toAbsolutePath(), major, m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2));
    } catch (IOException e) {
      return null;
    }
  }
}
