package dev.pgops.drill;

import dev.pgops.migration.SqlSplitException;
import dev.pgops.migration.SqlSplitter;
import dev.pgops.migration.SqlStatement;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drill's verification file: SQL statements, each ended by {@code ;}, run in order on the restored server in
 * read-only transactions, with markers in {@code --} comments:
 *
 * <pre>
 * -- database: shop                                   (on its own line: the following statements run in "shop")
 * SELECT count(*) FROM orders;            -- expect: 1000
 * SELECT count(*) FROM orders WHERE paid; -- expect: &gt;= 900
 * SELECT max(created_at) FROM orders;     -- rpo
 * SELECT 1 FROM pg_class LIMIT 1;                     (no marker: must run without error)
 * </pre>
 *
 * {@code -- expect: [op] VALUE} goes on the line of the statement's closing {@code ;}: the statement must return
 * exactly one row with one column, compared with VALUE by {@code =} (default), {@code !=}, {@code <},
 * {@code <=}, {@code >}, {@code >=} — as numbers when both sides are numbers, else as text ({@code =} and
 * {@code !=} only); {@code null} matches SQL NULL, {@code 'quoted'} text keeps its spaces. {@code -- rpo} (same
 * place) marks a statement returning one timestamp: the newest committed change in the application's data, used
 * for the measured RPO instead of {@code pg_last_xact_replay_timestamp()}.
 *
 * @param file   the file, for positions
 * @param checks the statements in order
 */
public record VerifyScript(Path file, List<Check> checks) {
  private static final Pattern EXPECT = Pattern.compile("--\\s*expect\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RPO = Pattern.compile("--\\s*rpo\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATABASE = Pattern.compile("--\\s*database\\s*:\\s*(\\S.*?)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern OP = Pattern.compile("(>=|<=|!=|<>|=|<|>)?\\s*(.*)");

  public VerifyScript {
    checks = List.copyOf(checks);
  }

  /** The file is unusable; one line naming the file and line. */
  public static final class InvalidScriptException extends Exception {
    public InvalidScriptException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * One statement to run.
   *
   * @param position "verify.sql:3"
   * @param sql      the statement without its {@code ;}
   * @param database where it runs, or null for the drill's database
   * @param expect   the expected single value, or null
   * @param rpo      true when it returns the newest committed timestamp
   */
  public record Check(String position, String sql, String database, Expectation expect, boolean rpo) {
    /** The statement on one line, shortened for a report. */
    public String shortSql() {
      String one = sql.replaceAll("\\s+", " ").strip();
      return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }
  }

  /** An expected value and how to compare. */
  public record Expectation(String op, String value) {
    /** True when {@code actual} (null for SQL NULL) satisfies the expectation. */
    public boolean matches(String actual) {
      if (value == null) return op.equals("=") == (actual == null);
      if (actual == null) return op.equals("!=");
      BigDecimal a = number(actual);
      BigDecimal e = number(value);
      if (a != null && e != null) {
        int c = a.compareTo(e);
        return switch (op) {
          case "=" -> c == 0;
          case "!=" -> c != 0;
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      }
      return switch (op) {
        case "=" -> actual.equals(value);
        case "!=" -> !actual.equals(value);
        default -> false;
      };
    }

    /** "1000", ">= 900", "null". */
    public String describe() {
      String v = value == null ? "null" : value;
      return op.equals("=") ? v : op + " " + v;
    }

    static BigDecimal number(String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  public static VerifyScript read(Path file) throws IOException, InvalidScriptException {
    List<SqlStatement> statements;
    try {
      statements = SqlSplitter.splitFile(file);
    } catch (SqlSplitException e) {
      throw new InvalidScriptException(DrillRecords.oneLine(e.getMessage()));
    }
    String name = file.toString();
    List<Check> checks = new ArrayList<>();
    String database = null;
    for (SqlStatement s : statements) {
      String pos = name + ":" + s.line();
      if (s.metaCommand()) throw new InvalidScriptException(pos + ": psql meta-commands are not supported (" + s.text() + ")");
      for (String c : s.leadingComments()) {
        Matcher db = DATABASE.matcher(c);
        if (db.matches()) {
          database = db.group(1);
        } else if (EXPECT.matcher(c).matches() || RPO.matcher(c).matches()) {
          throw new InvalidScriptException(pos + ": '" + c + "' must follow the ';' of the statement it checks, on the same line");
        }
      }
      Expectation expect = null;
      boolean rpo = false;
      for (String c : s.trailingComments()) {
        Matcher m = EXPECT.matcher(c);
        if (m.matches()) {
          if (expect != null) throw new InvalidScriptException(pos + ": more than one '-- expect:' for one statement");
          expect = expectation(pos, m.group(1));
        } else if (RPO.matcher(c).matches()) {
          rpo = true;
        } else if (DATABASE.matcher(c).matches()) {
          throw new InvalidScriptException(pos + ": '-- database:' goes on its own line before the statements it applies to");
        }
      }
      if (rpo && expect != null) throw new InvalidScriptException(pos + ": a statement is either '-- rpo' or '-- expect:', not both");
      checks.add(new Check(pos, s.text(), database, expect, rpo));
    }
    if (checks.isEmpty()) throw new InvalidScriptException(name + ": no SQL statement (end each one with ';')");
    if (checks.stream().filter(Check::rpo).count() > 1) throw new InvalidScriptException(name + ": more than one '-- rpo' statement");
    return new VerifyScript(file, checks);
  }

  private static Expectation expectation(String pos, String text) throws InvalidScriptException {
    Matcher m = OP.matcher(text.strip());
    if (!m.matches()) throw new InvalidScriptException(pos + ": unreadable '-- expect: " + text + "'");
    String op = m.group(1) == null ? "=" : m.group(1).equals("<>") ? "!=" : m.group(1);
    String v = m.group(2).strip();
    if (v.isEmpty()) throw new InvalidScriptException(pos + ": '-- expect:' has no value");
    if (v.equalsIgnoreCase("null")) {
      if (!op.equals("=") && !op.equals("!=")) throw new InvalidScriptException(pos + ": null compares only with = or !=");
      return new Expectation(op, null);
    }
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) v = v.substring(1, v.length() - 1).replace("''", "'");
    if (!op.equals("=") && !op.equals("!=") && Expectation.number(v) == null) {
      throw new InvalidScriptException(pos + ": '" + op + "' needs a number, not '" + v + "'");
    }
    return new Expectation(op, v);
  }
}
