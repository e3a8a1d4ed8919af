package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "data-checksums", area = Area.CONFIGURATION, checklist = "CFG-5", severity = Severity.CRITICAL,
    summary = "Data checksums are off, or checksum failures (corrupt pages) were detected")
public final class DataChecksumsRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    if (!s.settings().isCollected() && !s.databases().isCollected()) {
      ctx.require(s.settings(), "settings and databases");
    }
    List<Finding> out = new ArrayList<>();
    for (DatabaseStats d : s.databases().collected().orElse(List.of())) {
      if (d.checksumFailures() == null || d.checksumFailures() <= 0) continue;
      String name = d.name() == null || d.name().isBlank() ? "(shared catalogs)" : d.name();
      String when = d.checksumLastFailure() == null ? "unknown"
          : d.checksumLastFailure() + " (" + Fmt.ago(d.checksumLastFailure(), ctx) + ")";
      out.add(ctx.finding(Location.object("database", null, name),
              "Database " + name + " has " + d.checksumFailures() + " data checksum failure"
                  + (d.checksumFailures() == 1 ? "" : "s") + ", the last at " + when
                  + ": pages were read that do not match their checksum (storage or memory corruption)")
          .severity(Severity.CRITICAL)
          .evidence("checksumFailures", d.checksumFailures())
          .evidence("checksumLastFailure", d.checksumLastFailure())
          .remediation("-- the server log names each damaged block (\"page verification failed\");\n"
              + "-- check hardware and storage, verify with amcheck / pg_checksums --check on a copy, keep backups that\n"
              + "-- predate the corruption, and restore or rebuild the affected relations")
          .build());
    }
    Optional<Boolean> checksums = SettingValues.bool(s, "data_checksums");
    if (checksums.isPresent() && !checksums.get()) {
      out.add(ctx.finding(Location.object("setting", null, "data_checksums"),
              "Data checksums are off: corrupt pages from faulty storage or memory are read without any error")
          .severity(Severity.INFO)
          .evidence("data_checksums", "off")
          .remediation("# PG12+: with the cluster cleanly shut down (time grows with its size; do a standby first):\n"
              + "pg_checksums --enable -D \"$PGDATA\"\n"
              + "# rollback: pg_checksums --disable -D \"$PGDATA\" (also offline)")
          .build());
    }
    return out;
  }
}
