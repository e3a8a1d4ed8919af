package dev.pgops.drill;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: seconds ({@code 900}), units ({@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d}) or ISO-8601 ({@code PT15M}). */
public final class DurationArg {
  private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?:in)?)?(?:(\\d+)s)?");

  private DurationArg() {}

  /** Parses {@code text}; {@code option} names the option in the error. */
  public static Duration parse(String option, String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (s.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(s));
    if (s.startsWith("p")) {
      try {
        return nonNegative(option, text, Duration.parse(s.toUpperCase(Locale.ROOT)));
      } catch (DateTimeParseException e) {
        throw bad(option, text);
      }
    }
    Matcher m = UNITS.matcher(s);
    if (s.isEmpty() || !m.matches()) throw bad(option, text);
    Duration d = Duration.ZERO;
    if (m.group(1) != null) d = d.plusDays(Long.parseLong(m.group(1)));
    if (m.group(2) != null) d = d.plusHours(Long.parseLong(m.group(2)));
    if (m.group(3) != null) d = d.plusMinutes(Long.parseLong(m.group(3)));
    if (m.group(4) != null) d = d.plusSeconds(Long.parseLong(m.group(4)));
    return d;
  }

  private static Duration nonNegative(String option, String text, Duration d) {
    if (d.isNegative()) throw bad(option, text);
    return d;
  }

  private static IllegalArgumentException bad(String option, String text) {
    return new IllegalArgumentException(option + ": '" + text + "' is not a duration (e.g. 900, 90s, 15m, 1h30m, PT15M)");
  }
}
