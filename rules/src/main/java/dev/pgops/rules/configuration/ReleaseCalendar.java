package dev.pgops.rules.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;

/** The PostgreSQL release calendar shipped as data ({@code pg-releases.properties}). */
final class ReleaseCalendar {
  /** The date the calendar data was last checked. */
  static final LocalDate DATA_DATE = LocalDate.of(2026, 11, 23);

  record Release(int major, LocalDate eol, int latestMinor) {}

  private static final Properties DATA = load();

  private ReleaseCalendar() {}

  static Optional<Release> of(int major) {
    String eol = DATA.getProperty(major + ".eol");
    String latest = DATA.getProperty(major + ".latest");
    if (eol == null || latest == null) return Optional.empty();
    return Optional.of(new Release(major, LocalDate.parse(eol.trim()), Integer.parseInt(latest.trim())));
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = ReleaseCalendar.class.getResourceAsStream("pg-releases.properties")) {
      if (in == null) throw new IllegalStateException("pg-releases.properties missing from the classpath");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
