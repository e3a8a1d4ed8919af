package dev.pgops.collect.review;

/**
 * One place that sets {@code lock_timeout} or {@code statement_timeout} for the migration role's sessions.
 *
 * @param parameter "lock_timeout" or "statement_timeout"
 * @param level     where it is set, as a reader names it: "role app in database shop", "role app",
 *                  "database shop", "all roles", "server configuration"
 * @param value     as stored ("3s", "5000" with unit ms for the server level, normalised to "5s")
 */
public record TimeoutSetting(String parameter, String level, String value) {

  /**
   * A {@code pg_settings} value (setting, reset_val) in its unit as PostgreSQL prints it: "5000" ms → "5s",
   * "90000" ms → "90s", "0" → "0"; other units are appended as they are.
   */
  public static String withUnit(String value, String unit) {
    if (value == null) return null;
    if (!"ms".equals(unit) || !value.matches("\\d+")) return unit == null || value.equals("0") ? value : value + unit;
    long ms = Long.parseLong(value);
    if (ms == 0) return "0";
    if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0) return ms / 60_000 + "min";
    if (ms % 1000 == 0) return ms / 1000 + "s";
    return ms + "ms";
  }
}
