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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@RuleInfo(id = "redundant-index", area = Area.PERFORMANCE, checklist = "PRF-2", severity = Severity.LOW,
    summary = "Btree index is a leading prefix of another btree index on the same table")
public final class RedundantIndexRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    List<Finding> out = new ArrayList<>();
    for (IndexStats a : indexes) {
      if (!candidate(a)) continue;
      IndexStats cover = indexes.stream()
          .filter(b -> b != a && covers(b, a))
          .min(Comparator.comparingInt((IndexStats b) -> b.keyColumns().size()).thenComparing(IndexStats::name))
          .orElse(null);
      if (cover == null) continue;
      out.add(ctx.finding(Location.object("index", a.schema(), a.name(), a.table()),
              "Index " + a.qualifiedName() + " (" + String.join(", ", a.keyColumns()) + ") is a leading prefix of "
                  + cover.qualifiedName() + " (" + String.join(", ", cover.keyColumns()) + ") on " + a.qualifiedTable()
                  + "; " + Bytes.human(a.sizeBytes()))
          .evidence("coveredBy", cover.qualifiedName())
          .evidence("size", Bytes.human(a.sizeBytes()))
          .evidence("scans", a.scans())
          .evidence("definition", a.definition())
          .evidence("coveringDefinition", cover.definition())
          .remediation("-- the longer index serves the same lookups, slightly larger per entry; check plans first\n"
              + "DROP INDEX CONCURRENTLY " + Sql.qualified(a.schema(), a.name()) + ";\n"
              + "-- rollback:\n" + a.definition() + ";")
          .build());
    }
    return out;
  }

  private static boolean candidate(IndexStats a) {
    return a.valid() && "btree".equals(a.method()) && !a.enforcesSomething() && !a.keyColumns().isEmpty();
  }

  /** True when {@code b} is a valid btree whose keys strictly extend {@code a}'s with the same predicate. */
  static boolean covers(IndexStats b, IndexStats a) {
    if (!b.valid() || !"btree".equals(b.method())) return false;
    if (!b.schema().equals(a.schema()) || !b.table().equals(a.table())) return false;
    if (!Objects.equals(a.predicate(), b.predicate())) return false;
    int n = a.keyColumns().size();
    if (b.keyColumns().size() <= n) return false;
    if (!b.keyColumns().subList(0, n).equals(a.keyColumns())) return false;
    if (!prefixEquals(a.opclasses(), b.opclasses(), n) || !prefixEquals(a.collations(), b.collations(), n)) return false;
    // a's INCLUDE columns must be available from b too, or a may serve index-only scans b cannot
    Set<String> bCols = new HashSet<>(b.keyColumns());
    bCols.addAll(b.includeColumns());
    return bCols.containsAll(a.includeColumns());
  }

  private static boolean prefixEquals(List<String> a, List<String> b, int n) {
    if (a.size() < n || b.size() < n) return a.isEmpty() && b.isEmpty(); // not collected on either side
    return a.subList(0, n).equals(b.subList(0, n));
  }
}
