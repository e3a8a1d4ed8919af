package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.Snapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "unsupported-version", area = Area.CONFIGURATION, checklist = "CFG-6", severity = Severity.CRITICAL,
    summary = "The PostgreSQL major release is out of support, close to it, or behind on minor releases")
public final class UnsupportedVersionRule implements Rule {
  static final Threshold EOL_WARN_DAYS = Threshold.of("eolWarnDays", 365,
      "medium severity when end of support is this close (days)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(EOL_WARN_DAYS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    PgVersion v = s.meta().version();
    if (v == null || v.num() <= 0) throw ctx.notEvaluated("server version unknown");
    LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    String current = s.meta().serverVersion() == null ? v.toString() : s.meta().serverVersion();
    if (v.major() < 10) {
      return List.of(ctx.finding(Location.server(), "PostgreSQL " + current
              + " is out of support: every release before 10 reached end of life by November 2021")
          .severity(Severity.CRITICAL)
          .evidence("version", current)
          .remediation(upgrade())
          .build());
    }
    Optional<ReleaseCalendar.Release> rel = ReleaseCalendar.of(v.major());
    if (rel.isEmpty()) {
      return List.of(ctx.finding(Location.server(), "PostgreSQL " + v.major() + " is not in the release calendar (data as of "
              + ReleaseCalendar.DATA_DATE + "): support status unknown; update pg-releases.properties")
          .severity(Severity.INFO)
          .evidence("version", current)
          .evidence("calendarDate", ReleaseCalendar.DATA_DATE)
          .build());
    }
    ReleaseCalendar.Release r = rel.get();
    long daysLeft = ChronoUnit.DAYS.between(today, r.eol());
    boolean behind = v.minor() < r.latestMinor();
    String latest = r.major() + "." + r.latestMinor();
    String minorNote = behind ? "; it also runs " + v + " while " + latest + " is the latest minor release (as of "
        + ReleaseCalendar.DATA_DATE + ") with bug and security fixes" : "";
    Severity sev;
    String msg;
    if (daysLeft < 0) {
      sev = Severity.CRITICAL;
      msg = "PostgreSQL " + r.major() + " reached end of life on " + r.eol() + ": no more bug or security fixes" + minorNote;
    } else if (daysLeft <= ctx.value(EOL_WARN_DAYS)) {
      sev = Severity.MEDIUM;
      msg = "PostgreSQL " + r.major() + " reaches end of life on " + r.eol() + " (in " + daysLeft + " days): plan the "
          + "major upgrade" + minorNote;
    } else if (behind) {
      sev = Severity.LOW;
      msg = "PostgreSQL " + v + " is behind the latest minor release " + latest + " (as of " + ReleaseCalendar.DATA_DATE
          + "): minor releases carry only bug and security fixes";
    } else {
      return List.of();
    }
    return List.of(ctx.finding(Location.server(), msg)
        .severity(sev)
        .evidence("version", current)
        .evidence("endOfLife", r.eol())
        .evidence("latestMinor", latest)
        .evidence("calendarDate", ReleaseCalendar.DATA_DATE)
        .remediation(sev == Severity.LOW
            ? "# minor update: install the new packages and restart (no dump/restore, no pg_upgrade); read the release notes\n"
                + "# for post-update steps (e.g. REINDEX of some index types)"
            : upgrade())
        .build());
  }

  private static String upgrade() {
    return "# major upgrade to a supported release: pg_upgrade (--link for speed), logical replication, or dump/restore;\n"
        + "# rehearse on a copy, then ANALYZE (vacuumdb --all --analyze-in-stages) after pg_upgrade";
  }
}
