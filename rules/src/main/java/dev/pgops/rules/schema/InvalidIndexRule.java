package dev.pgops.rules.schema;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@RuleInfo(id = "invalid-index", area = Area.MAINTENANCE, checklist = "MNT-7", severity = Severity.HIGH,
    summary = "Index is invalid or not ready (a failed concurrent build)")
public final class InvalidIndexRule implements Rule {
  /** Leftovers of a failed REINDEX CONCURRENTLY: the original index is still there. */
  private static final Pattern REINDEX_LEFTOVER = Pattern.compile(".*_cc(new|old)[0-9]*");
  private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX ");

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    // Optional: an index on a partitioned table stays invalid until every partition has one attached.
    Set<String> partitioned = s.tables().collected().orElse(List.of()).stream()
        .filter(t -> "p".equals(t.kind())).map(TableStats::qualifiedName).collect(Collectors.toSet());
    boolean pg12 = s.meta().version() == null || s.meta().version().atLeast(12);
    List<Finding> out = new ArrayList<>();
    for (IndexStats i : indexes) {
      if (i.valid() && i.ready()) continue;
      String name = Sql.qualified(i.schema(), i.name());
      String state = !i.ready() ? "not ready (indisready = false)" : "invalid (indisvalid = false)";
      if (partitioned.contains(i.qualifiedTable())) {
        out.add(ctx.finding(Location.object("index", i.schema(), i.name(), i.table()),
                "Index " + i.qualifiedName() + " on partitioned table " + i.qualifiedTable() + " is " + state
                    + ": some partitions have no matching index attached, so it is not used for them")
            .severity(Severity.MEDIUM)
            .evidence("valid", i.valid()).evidence("ready", i.ready()).evidence("definition", i.definition())
            .evidence("partitionedTable", true)
            .remediation("-- for each partition missing it (no lock on writes):\n"
                + "-- CREATE INDEX CONCURRENTLY <part_idx> ON <partition> (same columns);\n"
                + "-- ALTER INDEX " + name + " ATTACH PARTITION <part_idx>;\n"
                + "-- the parent index becomes valid once every partition has one attached")
            .build());
        continue;
      }
      String message = "Index " + i.qualifiedName() + " on " + i.table() + " is " + state
          + (i.ready()
              ? ": still maintained on every write but never used by queries"
                  + (i.unique() ? "; as a unique index it still rejects duplicate inserts" : "")
              : ": a leftover of a failed build, never used by queries");
      String remediation;
      if (REINDEX_LEFTOVER.matcher(i.name()).matches()) {
        remediation = "-- leftover of an interrupted REINDEX CONCURRENTLY: the original index still exists\n"
            + "DROP INDEX CONCURRENTLY " + name + ";";
      } else {
        String def = i.definition() == null ? "" : i.definition();
        String concurrent = CREATE_INDEX.matcher(def).find()
            ? CREATE_INDEX.matcher(def).replaceFirst("CREATE $1INDEX CONCURRENTLY ") : def;
        remediation = "-- find why the build failed first (duplicate keys for a unique index, a deadlock, a cancel)\n"
            + (pg12 ? "-- either rebuild it in place (PG12+, does not block writes):\nREINDEX INDEX CONCURRENTLY " + name + ";\n"
                + "-- or drop and recreate it:\n" : "")
            + "DROP INDEX CONCURRENTLY " + name + ";\n"
            + (concurrent.isEmpty() ? "-- then recreate it with CREATE INDEX CONCURRENTLY" : concurrent + ";")
            + "\n-- a failed CONCURRENTLY build leaves an invalid index again: check indisvalid afterwards";
      }
      out.add(ctx.finding(Location.object("index", i.schema(), i.name(), i.table()), message)
          .evidence("valid", i.valid()).evidence("ready", i.ready())
          .evidence("unique", i.unique()).evidence("size", Bytes.human(i.sizeBytes()))
          .evidence("definition", i.definition())
          .remediation(remediation)
          .build());
    }
    return out;
  }
}
