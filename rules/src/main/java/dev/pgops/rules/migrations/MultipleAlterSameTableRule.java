package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.AlterAction.Kind;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consecutive ALTER TABLE statements on the same existing table that each take a lock blocking writes and could be
 * one statement with comma-separated actions: every statement queues for the lock again, and every rewrite reads
 * and writes the whole table again. Sequences that must stay separate are left alone: RENAME / SET SCHEMA /
 * ATTACH / DETACH (cannot be combined), VALIDATE CONSTRAINT (separate on purpose, weaker lock), statements with
 * other work on the table in between (a backfill, an index build), the PostgreSQL 12 "SET NOT NULL, then DROP the
 * CHECK" step (combined, the CHECK is dropped before SET NOT NULL can use it) and "ADD COLUMN, then SET DEFAULT"
 * (kept apart so existing rows are not filled).
 */
@RuleInfo(id = "multiple-alter-same-table", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.LOW,
    summary = "Several ALTER TABLE statements on one table could be one, so the lock is queued for (and rewrites run) once")
public final class MultipleAlterSameTableRule implements MigrationRule {
  /**
   * Statements that end every run: transaction boundaries (statements in different transactions were split on
   * purpose), SAVEPOINT / ROLLBACK TO (classified OTHER, like COPY and CALL) and code that cannot be inspected.
   */
  private static final Set<StatementKind> BARRIERS = EnumSet.of(StatementKind.BEGIN, StatementKind.COMMIT,
      StatementKind.ROLLBACK, StatementKind.DO, StatementKind.OTHER, StatementKind.UNKNOWN);
  private static final Set<Kind> SEPARATE = EnumSet.of(Kind.RENAME_COLUMN, Kind.RENAME_TABLE, Kind.ATTACH_PARTITION,
      Kind.DETACH_PARTITION, Kind.VALIDATE_CONSTRAINT);

  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    Map<String, List<ReviewStatement>> open = new LinkedHashMap<>();  // table → its current run of ALTERs
    List<List<ReviewStatement>> runs = new ArrayList<>();
    for (ReviewStatement s : file.statements()) {
      String table = s.kind() == StatementKind.ALTER_TABLE && s.target() != null ? Names.normalize(s.target()) : null;
      boolean combinable = table != null && combinable(s) && !ctx.targetIsNew(s);
      boolean barrier = BARRIERS.contains(s.kind());
      // any other statement that mentions a table ends that table's run: its work sits between the ALTERs
      for (var it = open.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (barrier || (!(combinable && e.getKey().equals(table)) && mentions(s, e.getKey()))) {
          runs.add(e.getValue());
          it.remove();
        }
      }
      if (!combinable) continue;
      List<ReviewStatement> run = open.computeIfAbsent(table, k -> new ArrayList<>());
      if (run.stream().anyMatch(earlier -> mustStayApart(earlier, s))) {
        runs.add(new ArrayList<>(run));
        run.clear();
      }
      run.add(s);
    }
    runs.addAll(open.values());
    runs.stream().filter(r -> r.size() > 1).forEach(r -> report(r, ctx));
  }

  private static boolean combinable(ReviewStatement s) {
    if (!s.impact().lock().blocksWrites() || s.classified().alterActions().isEmpty()) return false;
    for (AlterAction a : s.classified().alterActions()) {
      if (SEPARATE.contains(a.kind())) return false;
      // SET SCHEMA cannot be combined; ENABLE / DISABLE TRIGGER bracket the work between them
      if (a.kind() == Kind.OTHER && a.text().toUpperCase(Locale.ROOT)
          .matches("^(SET\\s+SCHEMA|(ENABLE|DISABLE)\\s+(ALWAYS\\s+|REPLICA\\s+)?TRIGGER)\\b.*")) return false;
    }
    return true;
  }

  /** Pairs that are separate on purpose. */
  private static boolean mustStayApart(ReviewStatement earlier, ReviewStatement later) {
    List<AlterAction> a = earlier.classified().alterActions();
    List<AlterAction> b = later.classified().alterActions();
    boolean setNotNull = a.stream().anyMatch(x -> x.kind() == Kind.SET_NOT_NULL);
    boolean dropsConstraint = b.stream().anyMatch(x -> x.kind() == Kind.DROP_CONSTRAINT);
    if (setNotNull && dropsConstraint) return true;
    for (AlterAction add : a) {
      if (add.kind() != Kind.ADD_COLUMN || add.name() == null) continue;
      for (AlterAction def : b) {
        if (def.kind() == Kind.SET_DEFAULT && def.name() != null && Names.simple(def.name()).equals(Names.simple(add.name()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the statement names the table (by its unqualified name) anywhere in its text. */
  static boolean mentions(ReviewStatement s, String normalizedTable) {
    String simple = normalizedTable.substring(normalizedTable.lastIndexOf('.') + 1);
    for (SqlTokens.Token t : SqlTokens.tokenize(s.text())) {
      if (t.isIdent() && Names.simple(t.text()).equals(simple)) return true;
    }
    return false;
  }

  private static void report(List<ReviewStatement> run, ReviewContext ctx) {
    ReviewStatement first = run.get(0);
    ReviewStatement second = run.get(1);
    long rewrites = run.stream().filter(s -> s.impact().rewrite()).count();
    StringBuilder lines = new StringBuilder();
    List<String> actions = new ArrayList<>();
    for (ReviewStatement s : run) {
      lines.append(lines.length() == 0 ? "" : ", ").append(s.sql().line());
      actions.add(actionsText(s));
    }
    var b = ctx.at(second, run.size() + " ALTER TABLE statements on " + first.target() + " (lines " + lines + ") "
            + "could be one: each queues again for " + strongest(run) + " behind every running query on the table"
            + (rewrites > 1 ? ", and the table is rewritten " + rewrites + " times instead of once" : ""))
        .evidence("statements", run.size())
        .evidence("lines", lines)
        .evidence("rewrites", rewrites)
        .remediation("ALTER TABLE " + first.target() + "\n  " + String.join(",\n  ", actions) + ";");
    if (rewrites > 1) b.severity(Severity.MEDIUM).sizeSensitive();
    b.report();
  }

  private static String strongest(List<ReviewStatement> run) {
    return run.stream().map(s -> s.impact().lock()).reduce((x, y) -> x.max(y)).orElseThrow().sqlName();
  }

  private static final Pattern HEAD = Pattern.compile(
      "(?is)^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(.*)$");

  /** The actions of an ALTER TABLE as written: {@code ALTER TABLE ONLY t ADD a int, DROP b} → {@code ADD a int, DROP b}. */
  static String actionsText(ReviewStatement s) {
    String text = s.text().strip();
    Matcher m = HEAD.matcher(text);
    String target = s.target();
    if (m.matches() && m.group(1).startsWith(target)) {
      String rest = m.group(1).substring(target.length()).strip();
      if (rest.startsWith("*")) rest = rest.substring(1).strip();
      return rest;
    }
    List<String> parts = new ArrayList<>();
    for (AlterAction a : s.classified().alterActions()) parts.add(a.text());
    return String.join(", ", parts);
  }
}
