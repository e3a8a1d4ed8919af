package dev.pgops.rules.schema;

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
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "unlogged-table", area = Area.MAINTENANCE, checklist = "MNT-10", severity = Severity.INFO,
    summary = "Unlogged table: emptied after a crash and not replicated")
public final class UnloggedTableRule implements Rule {
  static final Threshold LOW_MB = Threshold.of("lowMb", 1024, "low severity from this heap + TOAST size (MB)");

  @Override
  public List<Threshold> thresholds() {
    return List.of(LOW_MB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    long lowBytes = Bytes.mb(ctx.value(LOW_MB));
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (!"u".equals(t.persistence())) continue;
      long bytes = t.tableBytes() + t.toastBytes();
      boolean partitioned = "p".equals(t.kind());
      String table = Sql.qualified(t.schema(), t.name());
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
              "Table " + t.qualifiedName() + " is UNLOGGED" + (partitioned ? " (partitioned parent)" : " (" + Bytes.human(bytes) + ")")
                  + ": it is emptied after a crash, empty on standbys, and not in physical backups' consistent state"
                  + (s.meta().inRecovery() ? "; this server is a standby, so it is empty here" : ""))
          .severity(bytes > lowBytes ? Severity.LOW : Severity.INFO)
          .evidence("persistence", t.persistence())
          .evidence("size", Bytes.human(bytes))
          .evidence("threshold", "low > " + Bytes.human(lowBytes))
          .remediation("-- fine for data you can rebuild (caches, staging): waive this finding with that reason. Otherwise:\n"
              + "-- rewrites the table and writes all of it to WAL, under an ACCESS EXCLUSIVE lock for the duration:\n"
              + "ALTER TABLE " + table + " SET LOGGED;\n"
              + "-- rollback: ALTER TABLE " + table + " SET UNLOGGED;  (also a full rewrite)")
          .build());
    }
    return out;
  }
}
