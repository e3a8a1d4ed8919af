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
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(id = "table-without-primary-key", area = Area.MAINTENANCE, checklist = "MNT-8", severity = Severity.MEDIUM,
    summary = "Table has no primary key and no unique index on NOT NULL columns")
public final class TableWithoutPrimaryKeyRule implements Rule {
  static final Threshold EMPTY_KB = Threshold.of("emptyKb", 64,
      "a table with no rows and less than this on disk (kB) is reported at low severity");

  @Override
  public List<Threshold> thresholds() {
    return List.of(EMPTY_KB);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    List<ConstraintInfo> constraints = ctx.require(s.constraints(), "constraints");
    List<IndexStats> indexes = ctx.require(s.indexes(), "indexes");
    List<ColumnInfo> columns = ctx.require(s.columns(), "columns");
    long emptyBytes = (long) (ctx.value(EMPTY_KB) * Bytes.KB);

    Set<String> withPk = new HashSet<>();
    for (ConstraintInfo c : constraints) if ("p".equals(c.type())) withPk.add(c.qualifiedTable());
    Map<String, Set<String>> notNull = new HashMap<>();
    for (ColumnInfo c : columns) {
      if (c.notNull()) notNull.computeIfAbsent(c.qualifiedTable(), k -> new HashSet<>()).add(c.name());
    }
    // A usable key: a valid, non-partial unique index whose key columns are all plain NOT NULL columns.
    Map<String, List<IndexStats>> nullableUnique = new HashMap<>();
    for (IndexStats i : indexes) {
      if (i.primary() || "p".equals(i.constraintType())) {
        withPk.add(i.qualifiedTable());
        continue;
      }
      if (!i.unique() || !i.valid() || i.predicate() != null || i.keyColumns().isEmpty()) continue;
      Set<String> nn = notNull.getOrDefault(i.qualifiedTable(), Set.of());
      if (nn.containsAll(i.keyColumns())) withPk.add(i.qualifiedTable());
      else nullableUnique.computeIfAbsent(i.qualifiedTable(), k -> new ArrayList<>()).add(i);
    }

    String walLevel = SettingValues.text(s, "wal_level").orElse(null);
    boolean logicalSlots = s.replication().collected().map(Replication::slots).orElse(List.of()).stream()
        .anyMatch(sl -> "logical".equals(sl.type()));
    boolean logical = "logical".equals(walLevel) || logicalSlots;

    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      // Partitions inherit the parent's key, which this snapshot cannot link: skip them.
      if (!"r".equals(t.kind()) || t.partition() || withPk.contains(t.qualifiedName())) continue;
      boolean empty = t.liveTuples() == 0 && t.estimatedRows() <= 0 && t.tableBytes() + t.toastBytes() < emptyBytes;
      Severity sev = empty ? Severity.LOW : logical ? Severity.HIGH : Severity.MEDIUM;
      String table = Sql.qualified(t.schema(), t.name());
      String msg = "Table " + t.qualifiedName() + " has no primary key and no unique index on NOT NULL columns ("
          + Fmt.count(Math.max(t.liveTuples(), t.estimatedRows())) + " rows, " + Bytes.human(t.tableBytes()) + ")"
          + (logical && !empty ? "; with logical replication, UPDATE and DELETE on it fail once it is published"
              + " unless it gets a replica identity" : "")
          + (empty ? "; it is empty" : "");
      StringBuilder fix = new StringBuilder();
      List<IndexStats> candidates = nullableUnique.getOrDefault(t.qualifiedName(), List.of());
      if (!candidates.isEmpty()) {
        IndexStats c = candidates.get(0);
        fix.append("-- the unique index ").append(c.name()).append(" can become the key once its columns are NOT NULL\n")
            .append("-- (SET NOT NULL scans the table under ACCESS EXCLUSIVE; a validated CHECK (col IS NOT NULL)\n")
            .append("-- added NOT VALID and validated first lets PG12+ skip that scan):\n");
        for (String col : c.keyColumns()) {
          fix.append("ALTER TABLE ").append(table).append(" ALTER COLUMN ").append(Sql.ident(col)).append(" SET NOT NULL;\n");
        }
        fix.append("ALTER TABLE ").append(table).append(" ADD PRIMARY KEY USING INDEX ").append(Sql.ident(c.name())).append(";\n");
      } else {
        fix.append("-- if some columns are unique, build the index without blocking writes, then promote it:\n")
            .append("CREATE UNIQUE INDEX CONCURRENTLY ").append(Sql.ident(t.name() + "_pkey")).append(" ON ").append(table)
            .append(" (<key columns>);\n")
            .append("ALTER TABLE ").append(table).append(" ADD PRIMARY KEY USING INDEX ").append(Sql.ident(t.name() + "_pkey"))
            .append(";\n")
            .append("-- otherwise add a surrogate key (rewrites the table under an ACCESS EXCLUSIVE lock):\n")
            .append("-- ALTER TABLE ").append(table).append(" ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;\n");
      }
      fix.append("-- rollback: ALTER TABLE ").append(table).append(" DROP CONSTRAINT <constraint name>;");
      if (logical) {
        fix.append("\n-- stop-gap for logical replication (logs whole old rows, slow to apply on subscribers):\n")
            .append("-- ALTER TABLE ").append(table).append(" REPLICA IDENTITY FULL;");
      }
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()), msg)
          .severity(sev)
          .evidence("rows", Math.max(t.liveTuples(), t.estimatedRows()))
          .evidence("size", Bytes.human(t.tableBytes()))
          .evidence("wal_level", walLevel == null ? "unknown" : walLevel)
          .evidence("logicalSlots", logicalSlots)
          .evidence("uniqueIndexesOnNullableColumns", String.join(", ", candidates.stream().map(IndexStats::name).toList()))
          .remediation(fix.toString())
          .build());
    }
    return out;
  }
}
