package dev.pgops.rules.schema;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@RuleInfo(id = "risky-column-type", area = Area.MAINTENANCE, checklist = "MNT-10", severity = Severity.INFO,
    summary = "Table has columns of types the PostgreSQL docs advise against")
public final class RiskyColumnTypeRule implements Rule {

  /** Why a type is risky and what to use instead, with the ALTER that converts it; null when fine. */
  record Advice(String why, String target) {}

  static Advice advise(String dataType) {
    if (dataType == null) return null;
    String t = dataType.trim();
    while (t.endsWith("[]")) t = t.substring(0, t.length() - 2);
    if (t.equals("json")) {
      return new Advice("json: stored as text and re-parsed on every access, no GIN indexing; use jsonb", "jsonb");
    }
    if (t.matches("timestamp(\\(\\d+\\))? without time zone")) {
      return new Advice("timestamp without time zone: stores no offset, so values are ambiguous across time zones"
          + " and DST; use timestamptz", "timestamp with time zone");
    }
    if (t.matches("time(\\(\\d+\\))? with time zone")) {
      return new Advice("time with time zone: an offset without a date is meaningless across DST (the docs discourage it);"
          + " use timestamptz or time", "time without time zone");
    }
    if (t.equals("money")) {
      return new Advice("money: fixed fractional digits that depend on lc_monetary, no currency; use numeric",
          "numeric(19,2)");
    }
    if (t.matches("character(\\(\\d+\\))?")) {
      return new Advice(t + ": blank-padded, no faster than text and with surprising comparisons; use text or varchar",
          "text");
    }
    return null;
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<ColumnInfo> columns = ctx.require(s.columns(), "columns");
    // Optional: partitions repeat their parent's columns, so report the parent only.
    Set<String> partitions = s.tables().collected().orElse(List.of()).stream()
        .filter(TableStats::partition).map(TableStats::qualifiedName).collect(Collectors.toSet());
    Map<String, List<ColumnInfo>> byTable = new LinkedHashMap<>();
    for (ColumnInfo c : columns.stream()
        .sorted(Comparator.comparing(ColumnInfo::schema).thenComparing(ColumnInfo::table).thenComparingInt(ColumnInfo::position))
        .toList()) {
      if (partitions.contains(c.qualifiedTable()) || advise(c.dataType()) == null) continue;
      byTable.computeIfAbsent(c.qualifiedTable(), k -> new ArrayList<>()).add(c);
    }
    List<Finding> out = new ArrayList<>();
    for (List<ColumnInfo> risky : byTable.values()) {
      ColumnInfo first = risky.get(0);
      String table = Sql.qualified(first.schema(), first.table());
      List<String> listed = risky.stream().map(c -> c.name() + " " + c.dataType()).toList();
      var f = ctx.finding(Location.object("table", first.schema(), first.table()),
              "Table " + first.qualifiedTable() + " has " + risky.size() + " column" + (risky.size() == 1 ? "" : "s")
                  + " of risky type: " + String.join(", ", listed))
          .evidence("columns", String.join(", ", listed));
      StringBuilder fix = new StringBuilder(
          "-- each ALTER ... TYPE below rewrites the table and its indexes under an ACCESS EXCLUSIVE lock\n"
              + "-- (except timestamp -> timestamptz on PG12+ when the session TimeZone is UTC);\n"
              + "-- check application code and views first. Rollback: the same ALTER back to the old type.\n");
      for (ColumnInfo c : risky) {
        Advice a = advise(c.dataType());
        f.evidence("column." + c.name(), a.why());
        if (c.comment() != null && !c.comment().isBlank()) f.evidence("comment." + c.name(), c.comment());
        String target = a.target() + (c.dataType().trim().endsWith("[]") ? "[]" : "");
        if (a.target().startsWith("timestamp")) fix.append("SET TimeZone = 'UTC';  -- only if the stored values are UTC\n");
        fix.append("ALTER TABLE ").append(table).append(" ALTER COLUMN ").append(Sql.ident(c.name()))
            .append(" TYPE ").append(target).append(";\n");
      }
      out.add(f.remediation(fix.toString().stripTrailing()).build());
    }
    return out;
  }
}
