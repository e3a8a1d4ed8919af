package dev.pgops.findings;

import java.util.Locale;

/** Finding severity, most severe first (the declaration order is the report order). */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this is as severe as {@code other} or more. */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }

  /** One step less severe (INFO stays INFO). */
  public Severity lower() {
    return this == INFO ? INFO : values()[ordinal() + 1];
  }

  public String sarifLevel() {
    return switch (this) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** Parses "high", "HIGH", " High " ; throws IllegalArgumentException naming the valid values. */
  public static Severity parse(String s) {
    String v = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    for (Severity sev : values()) {
      if (sev.name().equals(v)) return sev;
    }
    throw new IllegalArgumentException("unknown severity '" + s + "' (valid: critical, high, medium, low, info)");
  }
}
