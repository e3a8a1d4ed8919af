package dev.pgops.review;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.ColumnDef;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.StatementKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks the files in order and puts each statement in context: its transaction (runner model plus explicit
 * BEGIN/COMMIT), the timeouts set so far, the lock impact on the reviewed version (with column types from the
 * database or an earlier CREATE TABLE), and which tables the review itself created.
 */
final class ReviewPlanner {
  private final ReviewOptions options;
  private final ReviewFacts facts;
  private final Map<String, Integer> createdAt = new HashMap<>();
  private final Map<String, Map<String, String>> createdTypes = new HashMap<>();
  /** Table → ordinal of a statement that changed its column types → the types after it (for "type before s"). */
  private final Map<String, TreeMap<Integer, Map<String, String>>> typeHistory = new HashMap<>();
  private int ordinal;
  private int nextTx;

  ReviewPlanner(ReviewOptions options, ReviewFacts facts) {
    this.options = options;
    this.facts = facts;
  }

  /** Table (normalised) → ordinal of the statement that created it in this review. */
  Map<String, Integer> createdAt() {
    return createdAt;
  }

  List<ReviewFile> plan(List<MigrationFile> files) {
    List<ReviewFile> out = new ArrayList<>(files.size());
    for (MigrationFile f : files) {
      if (f.failed()) {
        out.add(new ReviewFile(f.file(), options.mode(), List.of(), f.error()));
        continue;
      }
      out.add(planFile(f));
    }
    return out;
  }

  private ReviewFile planFile(MigrationFile f) {
    TransactionMode mode = modeOf(f.statements());
    List<ReviewStatement> rs = new ArrayList<>(f.statements().size());
    int tx = mode == TransactionMode.NONE ? -1 : nextTx++;
    boolean explicit = false;
    String lockTimeout = null, statementTimeout = null, localLock = null, localStatement = null;
    int index = 0;
    for (ClassifiedStatement c : f.statements()) {
      StatementKind k = c.kind();
      if (TransactionControl.begins(c)) {
        if (tx < 0) tx = nextTx++;
        explicit = true;
      }
      String lt = localLock != null ? localLock : lockTimeout;
      String st = localStatement != null ? localStatement : statementTimeout;
      LockImpact impact = LockModel.impact(c, facts.major(), this::typeOf);
      rs.add(new ReviewStatement(c, ordinal, index++, impact, tx, explicit, lt, st));
      remember(c);
      ordinal++;
      if (k == StatementKind.SET || k == StatementKind.RESET) {
        String[] set = Settings.parse(c);
        if (set != null && (set[0].equals("lock_timeout") || set[0].equals("statement_timeout"))) {
          boolean local = set[2] != null;
          boolean lock = set[0].equals("lock_timeout");
          if (local && tx >= 0) {
            if (lock) localLock = set[1]; else localStatement = set[1];
          } else if (!local) {
            if (lock) lockTimeout = set[1]; else statementTimeout = set[1];
          }
        }
      }
      if (TransactionControl.ends(c)) {
        explicit = false;
        localLock = null;
        localStatement = null;
        tx = mode == TransactionMode.IMPLICIT ? nextTx++ : -1;
      }
    }
    return new ReviewFile(f.file(), mode, rs, null);
  }

  /** The runner's mode, with the special cases: Flyway's non-transactional scripts, one-statement implicit files. */
  private TransactionMode modeOf(List<ClassifiedStatement> statements) {
    TransactionMode mode = options.mode();
    if (options.transactionMode() != null) return mode;
    List<ClassifiedStatement> real = statements.stream()
        .filter(c -> c.kind() != StatementKind.META_COMMAND && c.kind() != StatementKind.SET
            && c.kind() != StatementKind.RESET).toList();
    if (mode == TransactionMode.IMPLICIT && real.size() <= 1) return TransactionMode.NONE;
    if (options.runner() == Runner.FLYWAY && !real.isEmpty()
        && real.stream().allMatch(c -> !LockModel.impact(c, facts.major()).transactional())) {
      return TransactionMode.NONE;
    }
    return mode;
  }

  private void remember(ClassifiedStatement c) {
    if (c.kind() == StatementKind.CREATE_INDEX && c.targets().size() > 1) {
      // the index name, so a later DROP / ALTER / REINDEX of it knows it is new
      String n = Names.normalize(c.targets().get(1));
      if (n != null) createdAt.putIfAbsent(n, ordinal);
    } else if (c.kind() == StatementKind.CREATE_VIEW) {
      String n = Names.normalize(c.target());
      if (n != null) createdAt.putIfAbsent(n, ordinal);
    } else if (c.kind() == StatementKind.CREATE_TABLE || c.kind() == StatementKind.CREATE_TABLE_AS
        || c.kind() == StatementKind.CREATE_MATERIALIZED_VIEW) {
      String n = Names.normalize(c.target());
      if (n != null) {
        createdAt.putIfAbsent(n, ordinal);
        Map<String, String> types = new HashMap<>();
        for (ColumnDef col : c.columns()) types.put(Names.simple(col.name()), col.type());
        createdTypes.put(n, types);
        typeHistory.computeIfAbsent(n, k -> new TreeMap<>()).put(ordinal, Map.copyOf(types));
      }
    } else if (c.kind() == StatementKind.ALTER_TABLE) {
      String n = Names.normalize(c.target());
      for (AlterAction a : c.alterActions()) {
        if (a.kind() == AlterAction.Kind.RENAME_TABLE && a.name() != null && n != null) {
          // a table created in this review stays new under its new name (same schema)
          String renamed = n.substring(0, n.indexOf('.') + 1) + Names.simple(a.name());
          Integer at = createdAt.get(n);
          if (at != null) createdAt.putIfAbsent(renamed, at);
          Map<String, String> types = createdTypes.get(n);
          if (types != null) createdTypes.putIfAbsent(renamed, types);
          continue;
        }
        if (a.column() == null || a.name() == null) continue;
        if (a.kind() == AlterAction.Kind.ADD_COLUMN || a.kind() == AlterAction.Kind.ALTER_COLUMN_TYPE) {
          createdTypes.computeIfAbsent(n, k -> new HashMap<>()).put(Names.simple(a.name()), a.column().type());
          typeHistory.computeIfAbsent(n, k -> new TreeMap<>()).put(ordinal, Map.copyOf(createdTypes.get(n)));
        }
      }
    }
  }

  private String typeOf(String table, String column) {
    String n = Names.normalize(table);
    if (n == null || column == null) return null;
    String col = Names.simple(column);
    Map<String, String> created = createdTypes.get(n);
    if (created != null && created.containsKey(col)) return created.get(col);
    Optional<TableFacts> t = facts.table(table);
    return t.map(f -> f.columnTypes().get(col)).orElse(null);
  }

  /**
   * The type of {@code column} just before the statement at {@code ordinal} ran: from an earlier CREATE TABLE /
   * ADD COLUMN / ALTER COLUMN TYPE of the review, else from the database, else null. Valid after {@link #plan}.
   */
  String typeBefore(String table, String column, int ordinal) {
    String n = Names.normalize(table);
    if (n == null || column == null) return null;
    String col = Names.simple(column);
    TreeMap<Integer, Map<String, String>> h = typeHistory.get(n);
    Map.Entry<Integer, Map<String, String>> before = h == null ? null : h.lowerEntry(ordinal);
    if (before != null && before.getValue().containsKey(col)) return before.getValue().get(col);
    return facts.table(table).map(f -> f.columnTypes().get(col)).orElse(null);
  }

  /** SET / RESET of one parameter: {name, value (null for RESET / DEFAULT), "local" or null}. */
  static final class Settings {
    private static final java.util.regex.Pattern SET = java.util.regex.Pattern
        .compile("(?is)^SET\\s+(SESSION\\s+|LOCAL\\s+)?([a-z_.]+)\\s*(?:=|\\s+TO\\s+|\\s)\\s*(.+)$");
    private static final java.util.regex.Pattern RESET = java.util.regex.Pattern.compile("(?is)^RESET\\s+([a-z_.]+)$");

    private Settings() {}

    static String[] parse(ClassifiedStatement c) {
      String text = c.text().trim();
      java.util.regex.Matcher m = SET.matcher(text);
      if (m.matches()) {
        String value = m.group(3).trim().replaceAll("^'(.*)'$", "$1");
        boolean local = m.group(1) != null && m.group(1).trim().equalsIgnoreCase("LOCAL");
        return new String[] {m.group(2).toLowerCase(Locale.ROOT), value.equalsIgnoreCase("DEFAULT") ? null : value,
            local ? "local" : null};
      }
      m = RESET.matcher(text);
      if (m.matches()) return new String[] {m.group(1).toLowerCase(Locale.ROOT), null, null};
      return null;
    }
  }
}
