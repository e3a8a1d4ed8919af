package dev.pgops.backup;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions the parsers share: LSNs, PostgreSQL majors, WAL segment names and the tools' time formats. */
final class ToolValues {
  private static final BigInteger LOW_32 = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final Pattern LEADING_INT = Pattern.compile("^(\\d+)");
  private static final Pattern EPOCH = Pattern.compile("^\\d{1,12}$");
  // pg_probackup's time2iso: "2019-06-17 18:25:11+03", "+05:30" when the offset has minutes
  private static final Pattern PROBACKUP_TIME = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([+-])(\\d{2})(?::?(\\d{2}))?$");
  private static final Pattern WAL_NAME = Pattern.compile("^[0-9A-F]{24}$");
  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private ToolValues() {}

  /** An unsigned 64-bit LSN as PostgreSQL writes it: {@code 3/A0000028}. */
  static String lsn(BigInteger v) {
    return Long.toHexString(v.shiftRight(32).longValue()).toUpperCase(java.util.Locale.ROOT) + "/"
        + Long.toHexString(v.and(LOW_32).longValue()).toUpperCase(java.util.Locale.ROOT);
  }

  /** The major of a {@code server_version_num}-style number: 160003 → 16, 90624 → 9. */
  static int majorOfVersionNum(long num) {
    return (int) (num / 10_000);
  }

  /** The leading integer of a version text: "16" → 16, "9.6" → 9, "16.4" → 16; null when it has none. */
  static Integer majorOfVersion(String version) {
    if (version == null) return null;
    Matcher m = LEADING_INT.matcher(version.trim());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** Unix epoch seconds written as a decimal string (Barman's {@code *_timestamp}). */
  static Instant epochText(JsonAt parent, String key) {
    String s = parent.optText(key);
    if (s == null || s.isEmpty()) return null;
    if (!EPOCH.matcher(s).matches()) throw parent.at(key).unsupported("'" + s + "' is not Unix epoch seconds");
    return Instant.ofEpochSecond(Long.parseLong(s));
  }

  /** RFC 3339 (WAL-G); Go's zero time means "not recorded". */
  static Instant rfc3339(JsonAt parent, String key) {
    String s = parent.optText(key);
    if (s == null || s.isEmpty()) return null;
    try {
      Instant t = OffsetDateTime.parse(s).toInstant();
      return t.equals(GO_ZERO_TIME) ? null : t;
    } catch (DateTimeException e) {
      throw parent.at(key).unsupported("'" + s + "' is not an RFC 3339 time");
    }
  }

  /** pg_probackup's {@code YYYY-MM-DD HH:MM:SS+TZ}. */
  static Instant probackupTime(JsonAt parent, String key) {
    String s = parent.optText(key);
    if (s == null || s.isEmpty()) return null;
    Matcher m = PROBACKUP_TIME.matcher(s);
    try {
      if (!m.matches()) throw new DateTimeException(s);
      int hours = Integer.parseInt(m.group(5));
      int minutes = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      ZoneOffset off = "-".equals(m.group(4)) ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
          : ZoneOffset.ofHoursMinutes(hours, minutes);
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
      return local.toInstant(off);
    } catch (DateTimeException e) {
      throw parent.at(key).unsupported("'" + s + "' is not a time like 2019-06-17 18:25:11+03");
    }
  }

  /** A tool's message on one line (pgBackRest errors carry a HINT line): whitespace runs become one space. */
  static String line(String s) {
    return s == null ? null : s.replaceAll("\\s+", " ").strip();
  }

  static boolean isWalName(String s) {
    return s != null && WAL_NAME.matcher(s).matches();
  }

  /**
   * The smallest / greatest WAL segment name. Names are fixed-width upper-case hex (timeline, log, segment), so the
   * text order is the segment order.
   */
  static String minWal(Collection<String> names) {
    return names.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  static String maxWal(Collection<String> names) {
    return names.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
  }
}
