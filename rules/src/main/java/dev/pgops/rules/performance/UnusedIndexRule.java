package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "unused-index", area = Area.PERFORMANCE, checklist = "PRF-1", severity = Severity.MEDIUM,
    summary = "Index has had no scans since statistics were last reset")
public final class UnusedIndexRule implements Rule {
  static final Threshold MIN_SIZE_MB = Threshold.of("minSizeMb", 1, "ignore unused indexes smaller than this (MB)");
  static final Threshold WARN_SIZE_MB = Threshold.of("warnSizeMb", 100, "report at full severity from this size (MB); below it, low");

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SIZE_MB, WARN_SIZE_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    long min = Bytes.mb(ctx.value(MIN_SIZE_MB));
    long warn = Bytes.mb(ctx.value(WARN_SIZE_MB));
    List<Finding> out = new ArrayList<>();
    for (IndexStats i : indexes) {
      // PK / unique / exclusion / replica-identity indexes enforce something even when never scanned.
      if (i.scans() > 0 || i.enforcesSomething() || !i.valid() || i.sizeBytes() < min) continue;
      out.add(ctx.finding(Location.object("index", i.schema(), i.name(), i.table()),
              "Index " + i.qualifiedName() + " on " + i.table() + " has had 0 scans ("
                  + Bytes.human(i.sizeBytes()) + " to maintain on every write)")
          .severity(i.sizeBytes() >= warn ? Severity.MEDIUM : Severity.LOW)
          .usageBased()
          .evidence("scans", i.scans())
          .evidence("size", Bytes.human(i.sizeBytes()))
          .evidence("definition", i.definition())
          .remediation("-- check replicas too: scans there do not show here\n"
              + "DROP INDEX CONCURRENTLY " + Sql.qualified(i.schema(), i.name()) + ";\n"
              + "-- rollback:\n" + i.definition() + ";")
          .build());
    }
    return out;
  }
}
