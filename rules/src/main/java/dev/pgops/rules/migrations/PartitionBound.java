package dev.pgops.rules.migrations;

import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/** A CHECK expression equivalent to a single-column range or list partition bound, for ATTACH PARTITION remediation. */
final class PartitionBound {
  private PartitionBound() {}

  /**
   * {@code … FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')} with key {@code created_at} →
   * {@code created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01'}; {@code IN (…)} →
   * {@code key IS NOT NULL AND key IN (…)}. Null for DEFAULT, hash and multi-column bounds.
   */
  static String checkExpression(String attachText, String key) {
    List<Token> t = SqlTokens.tokenize(attachText);
    int v = -1;
    for (int i = 1; i < t.size(); i++) {
      if (t.get(i).depth() == 0 && t.get(i).is("VALUES") && t.get(i - 1).is("FOR")) v = i;
    }
    if (v < 0 || v + 2 >= t.size() || !t.get(v + 2).isPunct("(")) return null;
    if (t.get(v + 1).is("FROM")) {
      int fromEnd = close(t, v + 2);
      List<String> from = items(t, v + 2, fromEnd);
      if (fromEnd + 2 >= t.size() || !t.get(fromEnd + 1).is("TO") || !t.get(fromEnd + 2).isPunct("(")) return null;
      List<String> to = items(t, fromEnd + 2, close(t, fromEnd + 2));
      if (from.size() != 1 || to.size() != 1) return null;
      StringBuilder b = new StringBuilder(key + " IS NOT NULL");
      if (!from.get(0).equalsIgnoreCase("MINVALUE")) b.append(" AND ").append(key).append(" >= ").append(from.get(0));
      if (!to.get(0).equalsIgnoreCase("MAXVALUE")) b.append(" AND ").append(key).append(" < ").append(to.get(0));
      return b.toString();
    }
    if (t.get(v + 1).is("IN")) {
      List<String> in = items(t, v + 2, close(t, v + 2));
      List<String> values = in.stream().filter(x -> !x.equalsIgnoreCase("NULL")).toList();
      String list = key + " IN (" + String.join(", ", values) + ")";
      if (values.size() == in.size()) return key + " IS NOT NULL AND " + list;
      return values.isEmpty() ? key + " IS NULL" : "(" + key + " IS NULL OR " + list + ")";
    }
    return null;
  }

  /** Index of the ")" closing the "(" at {@code open}. */
  private static int close(List<Token> t, int open) {
    int d = t.get(open).depth();
    for (int i = open + 1; i < t.size(); i++) if (t.get(i).isPunct(")") && t.get(i).depth() == d) return i;
    return t.size();
  }

  /** The comma-separated items between {@code open} and {@code close}, each as its tokens joined. */
  private static List<String> items(List<Token> t, int open, int close) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int d = t.get(open).depth() + 1;
    for (int i = open + 1; i < close && i < t.size(); i++) {
      Token k = t.get(i);
      if (k.isPunct(",") && k.depth() == d) {
        out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      boolean tight = cur.length() == 0 || k.isPunct("::") || k.isPunct(")") || k.isPunct(".")
          || cur.toString().endsWith("::") || cur.toString().endsWith("(") || cur.toString().endsWith(".");
      cur.append(tight ? "" : " ").append(k.text());
    }
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }
}
