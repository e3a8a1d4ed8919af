package dev.pgops.rules.internal;

import dev.pgops.rules.RuleContext;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads {@code pg_settings} values in their own unit ("16384" with unit "8kB") as bytes, milliseconds
 * or booleans. Negative values (-1 = disabled / unlimited) are returned as they are, not scaled.
 * Shared by all rule packages.
 */
public final class SettingValues {
  private SettingValues() {}

  /** The settings list, or "not evaluated" when it was not collected. */
  public static List<Setting> require(Snapshot s, RuleContext ctx) {
    return ctx.require(s.settings(), "settings");
  }

  /** The value in bytes; empty when not a number or the unit is not a size unit. */
  public static OptionalLong bytes(Setting s) {
    OptionalLong v = number(s);
    if (v.isEmpty() || v.getAsLong() < 0) return v;
    long unit = sizeUnit(s.unit());
    return unit <= 0 ? (blank(s.unit()) ? v : OptionalLong.empty()) : OptionalLong.of(v.getAsLong() * unit);
  }

  /** The value in milliseconds; unitless values are taken as milliseconds. */
  public static OptionalLong millis(Setting s) {
    OptionalLong v = number(s);
    if (v.isEmpty() || v.getAsLong() < 0 || blank(s.unit())) return v;
    long unit = switch (s.unit().trim()) {
      case "us" -> 0;
      case "ms" -> 1;
      case "s" -> 1000;
      case "min" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> -1;
    };
    if (unit < 0) return OptionalLong.empty();
    return unit == 0 ? OptionalLong.of(v.getAsLong() / 1000) : OptionalLong.of(v.getAsLong() * unit);
  }

  /** The value as a PostgreSQL boolean (see {@link #bool(String)}); empty for anything else. */
  public static Optional<Boolean> bool(Setting s) {
    return bool(s.setting());
  }

  /**
   * Text as PostgreSQL reads a boolean: on/off, true/false, yes/no, 1/0 in any case, and unique prefixes
   * of them ("t", "fa", "y", "n", "of"; a lone "o" is ambiguous). Empty for anything else.
   */
  public static Optional<Boolean> bool(String text) {
    String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) return Optional.empty();
    if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1")) return Optional.of(true);
    if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")) return Optional.of(false);
    if (v.length() >= 2 && "on".startsWith(v)) return Optional.of(true);
    if (v.length() >= 2 && "off".startsWith(v)) return Optional.of(false);
    return Optional.empty();
  }

  /** True only when the text is a PostgreSQL boolean "false" (off, no, 0, f...); null and other text are not. */
  public static boolean isFalse(String text) {
    return bool(text).map(b -> !b).orElse(false);
  }

  public static boolean isFalse(Setting s) {
    return isFalse(s.setting());
  }

  /** The integer value (e.g. max_connections); empty when not an integer. */
  public static OptionalLong number(Setting s) {
    if (s.setting() == null) return OptionalLong.empty();
    try {
      return OptionalLong.of(Long.parseLong(s.setting().trim()));
    } catch (NumberFormatException e) {
      try {
        return OptionalLong.of((long) Double.parseDouble(s.setting().trim()));
      } catch (NumberFormatException e2) {
        return OptionalLong.empty();
      }
    }
  }

  /** The numeric value, fractions kept (e.g. autovacuum_vacuum_scale_factor); empty when not a number. */
  public static OptionalDouble decimal(Setting s) {
    if (s.setting() == null) return OptionalDouble.empty();
    try {
      return OptionalDouble.of(Double.parseDouble(s.setting().trim()));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** The raw text value, trimmed, "" when null. */
  public static String text(Setting s) {
    return s.setting() == null ? "" : s.setting().trim();
  }

  /** "16384 (8kB)" style display of the value as pg_settings shows it. */
  public static String shown(Setting s) {
    return blank(s.unit()) ? text(s) : text(s) + " " + s.unit();
  }

  public static OptionalLong bytes(Snapshot snap, String name) {
    return snap.setting(name).map(SettingValues::bytes).orElse(OptionalLong.empty());
  }

  public static OptionalLong millis(Snapshot snap, String name) {
    return snap.setting(name).map(SettingValues::millis).orElse(OptionalLong.empty());
  }

  public static Optional<Boolean> bool(Snapshot snap, String name) {
    return snap.setting(name).flatMap(SettingValues::bool);
  }

  public static OptionalLong number(Snapshot snap, String name) {
    return snap.setting(name).map(SettingValues::number).orElse(OptionalLong.empty());
  }

  public static Optional<String> text(Snapshot snap, String name) {
    return snap.setting(name).map(SettingValues::text);
  }

  /** Bytes per unit for "B", "kB", "8kB", "MB", "16MB", "GB", "TB"; 0 when not a size unit. */
  static long sizeUnit(String unit) {
    if (blank(unit)) return 0;
    String u = unit.trim();
    int i = 0;
    while (i < u.length() && Character.isDigit(u.charAt(i))) i++;
    long factor = i == 0 ? 1 : Long.parseLong(u.substring(0, i));
    long base = switch (u.substring(i)) {
      case "B" -> 1;
      case "kB" -> 1024;
      case "MB" -> 1024L * 1024;
      case "GB" -> 1024L * 1024 * 1024;
      case "TB" -> 1024L * 1024 * 1024 * 1024;
      default -> 0;
    };
    return factor * base;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
