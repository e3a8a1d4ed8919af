package dev.pgops.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the review knows about the target database. Without a snapshot or connection, {@link #none(int)}: the
 * version from {@code --pg-version} (or the assumed default) and no tables.
 *
 * @param source      "snapshot FILE", "live HOST/DB" or "none"
 * @param major       server major version (13 … 18)
 * @param versionNum  {@code server_version_num} when known (for minor-release bugs), else 0
 * @param versionKnown false when the major is pgops's assumption
 * @param tables      schema.table → facts
 * @param timeouts    {@code lock_timeout} / {@code statement_timeout} → where they are set for the migration role
 *                    and database ("role app_owner: 5s"); absent when not set outside the script
 * @param notes       what could not be read, for the report
 */
public record ReviewFacts(String source, int major, int versionNum, boolean versionKnown, Map<String, TableFacts> tables,
    Map<String, String> timeouts, List<String> notes) {

  /** The major version assumed when nothing says otherwise: the oldest supported one, so no newer shortcut is assumed. */
  public static final int DEFAULT_MAJOR = 13;

  public ReviewFacts {
    tables = Map.copyOf(tables == null ? Map.of() : tables);
    timeouts = Map.copyOf(timeouts == null ? Map.of() : timeouts);
    notes = List.copyOf(notes == null ? List.of() : notes);
  }

  public static ReviewFacts none(Integer major) {
    return new ReviewFacts("none", major == null ? DEFAULT_MAJOR : major, 0, major != null, Map.of(), Map.of(), List.of());
  }

  public boolean hasDatabase() {
    return !"none".equals(source);
  }

  /** Facts of a table as written in the script (normalised), when the database has it. */
  public Optional<TableFacts> table(String written) {
    String n = Names.normalize(written);
    return n == null ? Optional.empty() : Optional.ofNullable(tables.get(n));
  }
}
