package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@RuleInfo(id = "fk-without-index", area = Area.PERFORMANCE, checklist = "PRF-3", severity = Severity.MEDIUM,
    summary = "Foreign key columns are not the leading columns of any index on the referencing table")
public final class FkWithoutIndexRule implements Rule {
  static final Threshold WARN_ROWS = Threshold.of("warnRows", 10_000,
      "medium from this many estimated rows in the referencing table; low below");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_ROWS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<ConstraintInfo> constraints = ctx.require(s.constraints(), "constraints");
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    Optional<Map<String, TableStats>> tables = s.tables().collected().map(l -> l.stream()
        .collect(Collectors.toMap(TableStats::qualifiedName, Function.identity(), (a, b) -> a)));
    double warnRows = ctx.value(WARN_ROWS);
    List<Finding> out = new ArrayList<>();
    for (ConstraintInfo fk : constraints) {
      if (!"f".equals(fk.type()) || fk.columns().isEmpty()) continue;
      TableStats t = tables.map(m -> m.get(fk.qualifiedTable())).orElse(null);
      // A partitioned parent has no storage; each partition carries its own clone of the FK and is checked.
      if (t != null && "p".equals(t.kind())) continue;
      if (indexes.stream().anyMatch(i -> supports(i, fk))) continue;
      Long rows = t == null ? null : t.estimatedRows();
      Severity sev = rows != null && rows >= warnRows ? Severity.MEDIUM : Severity.LOW;
      String cols = fk.columns().stream().map(Sql::ident).collect(Collectors.joining(", "));
      String idx = indexName(fk);
      String ref = fk.referencedSchema() == null ? "?" : fk.referencedSchema() + "." + fk.referencedTable();
      out.add(ctx.finding(Location.object("constraint", fk.schema(), fk.name(), fk.table()),
              "Foreign key " + fk.name() + " on " + fk.qualifiedTable() + " (" + String.join(", ", fk.columns())
                  + ") → " + ref + " has no supporting index"
                  + (rows == null ? " (row count unknown)" : " (" + Fmt.count(rows) + " rows)")
                  + ": deletes and key updates on " + ref + " scan " + fk.qualifiedTable())
          .severity(sev)
          .evidence("columns", String.join(", ", fk.columns()))
          .evidence("references", ref)
          .evidence("estimatedRows", rows == null ? "unknown" : rows)
          .evidence("onDelete", fk.onDelete())
          .evidence("threshold", "medium from " + (long) warnRows + " rows")
          .evidence("definition", fk.definition())
          .remediation("CREATE INDEX CONCURRENTLY " + Sql.ident(idx) + " ON "
              + Sql.qualified(fk.schema(), fk.table()) + " (" + cols + ");\n"
              + "-- rollback:\nDROP INDEX CONCURRENTLY " + Sql.qualified(fk.schema(), idx) + ";")
          .build());
    }
    return out;
  }

  /** A valid, non-partial index whose first n key columns are the n FK columns in any order. */
  static boolean supports(IndexStats i, ConstraintInfo fk) {
    if (!i.valid() || i.predicate() != null || "brin".equals(i.method())) return false;
    if (!i.schema().equals(fk.schema()) || !i.table().equals(fk.table())) return false;
    int n = fk.columns().size();
    if (i.keyColumns().size() < n) return false;
    return new HashSet<>(i.keyColumns().subList(0, n)).equals(new HashSet<>(fk.columns()));
  }

  static String indexName(ConstraintInfo fk) {
    String name = fk.table() + "_" + String.join("_", fk.columns()) + "_idx";
    return name.length() > 63 ? name.substring(0, 59) + "_idx" : name;
  }
}
