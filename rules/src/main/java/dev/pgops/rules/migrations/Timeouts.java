package dev.pgops.rules.migrations;

import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reading timeout values as written in SET statements, and finding statements no timeout bounds. */
final class Timeouts {
  private Timeouts() {}

  /**
   * The statements of {@code file} on existing tables that match {@code risky} while {@code setting}
   * ({@code lock_timeout} / {@code statement_timeout}) is not in force ({@code inForce} reads the script's value);
   * none when the role or database sets it.
   */
  static List<ReviewStatement> unbounded(ReviewFile file, ReviewContext ctx, String setting,
      Function<ReviewStatement, String> inForce, Predicate<ReviewStatement> risky) {
    if (ctx.facts().timeouts().containsKey(setting)) return List.of();
    return file.statements().stream()
        .filter(risky)
        .filter(s -> !isSet(inForce.apply(s)))
        .filter(s -> s.target() != null && !ctx.targetIsNew(s))
        .toList();
  }

  /** True when the value limits the wait: set, not 0 (0 disables the timeout). */
  static boolean isSet(String value) {
    if (value == null) return false;
    String v = value.strip().replace("'", "");
    return !v.isEmpty() && !v.matches("0+\\s*(ms|s|min|h|d)?");
  }

  /** The value in milliseconds (PostgreSQL units; a bare number is ms), or -1 when unreadable. */
  static long millis(String value) {
    if (value == null) return -1;
    var m = java.util.regex.Pattern.compile("(?i)^\\s*'?\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?\\s*'?\\s*$").matcher(value);
    if (!m.matches()) return -1;
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(java.util.Locale.ROOT);
    double factor = switch (unit) {
      case "us" -> 0.001;
      case "s" -> 1000;
      case "min" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> 1;
    };
    return Math.round(n * factor);
  }
}
