package dev.pgops.rules;

import java.util.Locale;

/** The checklist areas, in report order. {@link #title()} is the checklist's level-2 heading. */
public enum Area {
  MAINTENANCE("Maintenance"),
  PERFORMANCE("Performance"),
  CONNECTIONS("Connections"),
  BACKUPS("Backups"),
  RESTORE_DRILLS("Restore drills"),
  CONFIGURATION("Configuration"),
  SECURITY("Security"),
  MIGRATIONS("Migrations"),
  INCIDENTS("Incidents");

  private final String title;

  Area(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** kebab-case id used in JSON: "restore-drills". */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Area fromTitle(String heading) {
    for (Area a : values()) {
      if (a.title.equalsIgnoreCase(heading.trim())) return a;
    }
    throw new IllegalArgumentException("unknown checklist area '" + heading + "'");
  }
}
