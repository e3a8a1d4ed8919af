package dev.pgops.rules.performance;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@RuleInfo(id = "duplicate-index", area = Area.PERFORMANCE, checklist = "PRF-2", severity = Severity.MEDIUM,
    summary = "Index has the same definition as another index on the same table")
public final class DuplicateIndexRule implements Rule {

  /** Keep constraint-backing indexes first, then the most scanned, then the first name alphabetically. */
  static final Comparator<IndexStats> KEEP_FIRST = Comparator
      .comparing((IndexStats i) -> !i.enforcesSomething())
      .thenComparing(IndexStats::scans, Comparator.reverseOrder())
      .thenComparing(IndexStats::name);

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    Map<List<Object>, List<IndexStats>> groups = new LinkedHashMap<>();
    for (IndexStats i : indexes) {
      if (!i.valid() || i.keyColumns().isEmpty()) continue;
      List<Object> key = List.of(i.schema(), i.table(), Objects.toString(i.method(), ""), i.keyColumns(),
          i.opclasses(), i.collations(), i.includeColumns(), Objects.toString(i.predicate(), ""));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<Finding> out = new ArrayList<>();
    for (List<IndexStats> group : groups.values()) {
      if (group.size() < 2) continue;
      group.sort(KEEP_FIRST);
      IndexStats keep = group.get(0);
      for (IndexStats dup : group.subList(1, group.size())) {
        if (dup.enforcesSomething()) continue; // never suggest dropping a constraint's index
        out.add(ctx.finding(Location.object("index", dup.schema(), dup.name(), dup.table()),
                "Index " + dup.qualifiedName() + " duplicates " + keep.qualifiedName() + " on " + dup.qualifiedTable()
                    + " (" + String.join(", ", dup.keyColumns()) + "); " + Bytes.human(dup.sizeBytes())
                    + " maintained for nothing")
            .evidence("duplicateOf", keep.qualifiedName())
            .evidence("keptBecause", keep.enforcesSomething() ? "enforces a constraint" : "more scans or first name")
            .evidence("size", Bytes.human(dup.sizeBytes()))
            .evidence("scans", dup.scans())
            .evidence("keptScans", keep.scans())
            .evidence("definition", dup.definition())
            .evidence("keptDefinition", keep.definition())
            .remediation("DROP INDEX CONCURRENTLY " + Sql.qualified(dup.schema(), dup.name()) + ";\n"
                + "-- rollback:\n" + dup.definition() + ";")
            .build());
      }
    }
    return out;
  }
}
