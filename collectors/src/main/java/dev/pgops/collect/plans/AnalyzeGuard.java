package dev.pgops.collect.plans;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Decides whether a text may run under EXPLAIN ANALYZE (which executes it): it must parse with
 * JSqlParser (PostgreSQL dialect) as exactly one {@link Select}, with no data-modifying CTE, no
 * {@code FOR UPDATE/SHARE} locking clause, no sequence, dblink or advisory-lock call and no {@code $n}
 * parameter. The READ ONLY transaction it then runs in is the second line of defence, not the first.
 */
final class AnalyzeGuard {
  /** One parser thread for the whole JVM (JSqlParser's timeout needs an executor; never one per call). */
  private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "pgops-sql-parser");
    t.setDaemon(true);
    return t;
  });
  private static final long PARSE_TIMEOUT_MS = 2000;
  /**
   * Calls whose effects a rollback does not undo (sequences, remote work, locks, signals, resets,
   * server-side files, notifications, WAL and replication control). A READ ONLY transaction stops
   * table writes but none of these.
   */
  private static final Set<String> BLOCKED_FUNCTIONS = Set.of("NEXTVAL", "SETVAL", "SET_CONFIG", "PG_NOTIFY",
      "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF", "PG_ROTATE_LOGFILE", "PG_SWITCH_WAL",
      "PG_PROMOTE", "PG_LOGICAL_EMIT_MESSAGE", "PG_IMPORT_SYSTEM_COLLATIONS", "CROSSTAB", "XPATH_TABLE");
  private static final List<String> BLOCKED_FUNCTION_PREFIXES = List.of("DBLINK", "PG_ADVISORY", "PG_TRY_ADVISORY",
      "PG_STAT_RESET", "PG_STAT_STATEMENTS_RESET", "PG_STAT_CLEAR", "PG_CREATE_", "PG_DROP_REPLICATION_SLOT",
      "PG_REPLICATION_ORIGIN_", "PG_LOGICAL_SLOT_", "PG_REPLICATION_SLOT_ADVANCE", "PG_FILE_", "LO_", "PG_WAL_REPLAY_",
      "PG_BACKUP_START", "PG_BACKUP_STOP", "PG_START_BACKUP", "PG_STOP_BACKUP", "CROSSTAB");
  private static final Set<String> DATA_MODIFYING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

  private AnalyzeGuard() {}

  /** Empty when the text may be analysed, else the reason starting with "refused: ". */
  static Optional<String> refusal(String sql) {
    SqlScan scan = SqlScan.of(sql);
    if (scan.unterminated()) return refuse("the text has an unterminated literal or comment");
    if (scan.multipleStatements()) return refuse("explain-analyze only runs a single statement (found several)");
    Statements parsed;
    try {
      CCJSqlParser parser = CCJSqlParserUtil.newParser(sql)
          .withDialect(AbstractJSqlParser.Dialect.POSTGRESQL)
          .withTimeOut(PARSE_TIMEOUT_MS);
      parsed = CCJSqlParserUtil.parseStatements(parser, PARSER);
    } catch (JSQLParserException | RuntimeException e) {
      String first = scan.firstWord();
      if (!first.isEmpty() && !first.equals("SELECT") && !first.equals("WITH") && !first.equals("TABLE") && !first.equals("VALUES")) {
        return refuse("explain-analyze only runs a single SELECT (found " + first + ")");
      }
      return refuse("the text does not parse as a single SELECT");
    }
    if (parsed == null || parsed.size() != 1) {
      return refuse("explain-analyze only runs a single statement (found " + (parsed == null ? 0 : parsed.size()) + ")");
    }
    Statement st = parsed.get(0);
    if (!(st instanceof Select select)) {
      return refuse("explain-analyze only runs a single SELECT (found " + kind(st) + ")");
    }
    if (select.getWithItemsList() != null) {
      for (WithItem<?> w : select.getWithItemsList()) {
        if (!(w.getParenthesedStatement() instanceof ParenthesedSelect) || w.getParenthesedStatement() == null) {
          return refuse("explain-analyze only runs a single SELECT (found a data-modifying WITH "
              + kind(w.getParenthesedStatement()) + ")");
        }
      }
    }
    // Token checks cover nested queries as well as the top level.
    List<String> words = scan.words();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (DATA_MODIFYING.contains(w)) return refuse("explain-analyze only runs a single SELECT (found " + w + ")");
      boolean call = i + 1 < words.size() && words.get(i + 1).equals("(");
      if (call && (BLOCKED_FUNCTIONS.contains(w) || BLOCKED_FUNCTION_PREFIXES.stream().anyMatch(w::startsWith))) {
        return refuse("calls " + w.toLowerCase(Locale.ROOT) + "(), whose effects a rollback does not undo");
      }
      if (w.equals("FOR") && i + 1 < words.size()) {
        String next = words.get(i + 1);
        String after = i + 2 < words.size() ? words.get(i + 2) : "";
        if (next.equals("UPDATE") || next.equals("SHARE") || (next.equals("NO") && after.equals("KEY"))
            || (next.equals("KEY") && after.equals("SHARE"))) {
          return refuse("has a FOR UPDATE/SHARE locking clause");
        }
      }
    }
    if (select.getForMode() != null) return refuse("has a FOR UPDATE/SHARE locking clause");
    if (scan.maxParam() > 0) {
      return refuse("has $n parameters: a normalised statement cannot be executed, give it with literal values");
    }
    return Optional.empty();
  }

  private static Optional<String> refuse(String why) {
    return Optional.of("refused: " + why);
  }

  private static String kind(Object st) {
    if (st == null) return "nothing";
    String n = st.getClass().getSimpleName().replace("Parenthesed", "");
    return n.toUpperCase(Locale.ROOT);
  }
}
