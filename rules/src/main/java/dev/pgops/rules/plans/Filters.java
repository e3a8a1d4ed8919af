package dev.pgops.rules.plans;

import dev.pgops.plan.PlanNode;
import dev.pgops.rules.internal.Sql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Index suggestions built only from a parsed {@code Filter}, as depesz's Hinter does: a single
 * {@code column op constant}, or equalities joined by AND. Anything else (OR, functions, casts of the
 * column, comparisons between columns) gives no DDL.
 */
final class Filters {
  private static final Pattern TERM = Pattern.compile(
      "^\\(*\\s*(?:[a-z_][a-z0-9_$]*\\.)?\"?([a-z_][a-z0-9_$]*)\"?\\s*(=|<>|<=|>=|<|>|~~)\\s*"
          + "('(?:[^']|'')*'(?:::[a-z ]+(?:\\[\\])?)?|-?[0-9.]+(?:::[a-z ]+)?|\\$[0-9]+(?:::[a-z ]+)?)\\s*\\)*$");

  private Filters() {}

  /** Filter columns usable as index keys, equality columns first; empty when the filter is not simple. */
  static List<String> indexColumns(String filter) {
    if (filter == null) return List.of();
    String f = filter.trim();
    if (f.toUpperCase().contains(" OR ")) return List.of();
    List<String> eq = new ArrayList<>();
    List<String> range = new ArrayList<>();
    for (String term : f.split("(?i)\\s+AND\\s+")) {
      Matcher m = TERM.matcher(term.trim());
      if (!m.matches()) return List.of();
      String op = m.group(2);
      if (op.equals("=")) eq.add(m.group(1));
      else if (!op.equals("<>") && !op.equals("~~")) range.add(m.group(1));
      else return List.of();
    }
    if (range.size() > 1) range = range.subList(0, 1); // a B-tree serves one range column well
    Set<String> cols = new LinkedHashSet<>(eq);
    cols.addAll(range);
    return List.copyOf(cols);
  }

  /** {@code CREATE INDEX CONCURRENTLY ON schema.table (a, b);} or null when the filter is not simple. */
  static String indexDdl(PlanNode n) {
    List<String> cols = indexColumns(n.filter());
    if (cols.isEmpty() || n.relationName() == null) return null;
    StringBuilder b = new StringBuilder("CREATE INDEX CONCURRENTLY ON ")
        .append(n.schema() == null ? Sql.ident(n.relationName()) : Sql.qualified(n.schema(), n.relationName())).append(" (");
    for (int i = 0; i < cols.size(); i++) b.append(i == 0 ? "" : ", ").append(Sql.ident(cols.get(i)));
    return b.append(");").toString();
  }
}
