package dev.pgops.collect.review;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.Rows;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The live facts of a pre-migration review, in two statements whatever the number of tables: who holds or waits
 * for locks on the reviewed tables right now (and which transactions of the database are older than
 * {@code longTransactionSec}), and where {@code lock_timeout} / {@code statement_timeout} are set for the
 * migration role. Runs in a {@link PgSession} (read-only, timeouts, marker). A statement that fails becomes a note,
 * so one unreadable part never hides the other.
 */
public final class ReviewTargetsCollector implements Collector<ReviewTargets> {
  public static final String NAME = "review-targets";
  public static final long DEFAULT_LONG_TRANSACTION_SEC = 60;
  public static final int DEFAULT_MAX_ROWS = 100;
  private static final VersionedSql SESSIONS = VersionedSql.of(ReviewTargetsCollector.class, "review_sessions");
  private static final VersionedSql TIMEOUTS = VersionedSql.of(ReviewTargetsCollector.class, "review_timeouts");

  private final List<String> tables;
  private final String role;
  private final long longTransactionSec;
  private final int maxRows;

  /**
   * @param tables normalised names "schema.table" (split at the first dot); duplicates are ignored
   * @param role   the role the migration runs as; null: the connecting role
   */
  public ReviewTargetsCollector(Collection<String> tables, String role) {
    this(tables, role, DEFAULT_LONG_TRANSACTION_SEC, DEFAULT_MAX_ROWS);
  }

  public ReviewTargetsCollector(Collection<String> tables, String role, long longTransactionSec, int maxRows) {
    if (longTransactionSec < 0) throw new IllegalArgumentException("longTransactionSec must be >= 0");
    if (maxRows < 1) throw new IllegalArgumentException("maxRows must be >= 1");
    this.tables = List.copyOf(new TreeSet<>(tables == null ? List.of() : tables));
    this.role = role == null || role.isBlank() ? null : role;
    this.longTransactionSec = longTransactionSec;
    this.maxRows = maxRows;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Section<ReviewTargets> collect(PgSession pg) throws SQLException {
    List<String> notes = new ArrayList<>();
    List<TargetSession> sessions = List.of();
    List<TimeoutSetting> timeouts = List.of();
    boolean sessionsRead = false;
    boolean timeoutsRead = false;
    try {
      sessions = sessions(pg);
      sessionsRead = true;
      if (sessions.size() >= maxRows) notes.add("live sessions capped at " + maxRows + " rows");
    } catch (SQLException e) {
      notes.add("sessions and locks on the reviewed tables not read: " + reason(pg, e));
    }
    try {
      timeouts = timeouts(pg, notes);
      timeoutsRead = true;
    } catch (SQLException e) {
      notes.add("role and database lock_timeout / statement_timeout not read: " + reason(pg, e));
    }
    return Section.of(new ReviewTargets(sessions, sessionsRead, timeouts, timeoutsRead, notes));
  }

  private List<TargetSession> sessions(PgSession pg) throws SQLException {
    String[] schemas = new String[tables.size()];
    String[] names = new String[tables.size()];
    for (int i = 0; i < tables.size(); i++) {
      String t = tables.get(i);
      int dot = t.indexOf('.');
      schemas[i] = dot < 0 ? "public" : t.substring(0, dot);
      names[i] = dot < 0 ? t : t.substring(dot + 1);
    }
    return pg.query(SESSIONS.forVersion(pg.version()), ReviewTargetsCollector::session, schemas, names,
        (int) Math.min(Integer.MAX_VALUE, longTransactionSec), maxRows);
  }

  static TargetSession session(ResultSet rs) throws SQLException {
    Integer pid = rs.getObject("pid") == null ? null : rs.getInt("pid");
    Boolean granted = rs.getObject("granted") == null ? null : rs.getBoolean("granted");
    return new TargetSession(rs.getString("target"), pid, rs.getString("user_name"), rs.getString("application_name"),
        rs.getString("state"), rs.getString("backend_type"), granted, Rows.strings(rs, "lock_modes"),
        Rows.nullableLong(rs, "xact_age_sec"), Rows.nullableLong(rs, "state_age_sec"), rs.getString("wait_event_type"),
        rs.getString("wait_event"), Rows.ints(rs, "blocked_by"));
  }

  private List<TimeoutSetting> timeouts(PgSession pg, List<String> notes) throws SQLException {
    List<TimeoutSetting> out = new ArrayList<>();
    pg.query(TIMEOUTS.forVersion(pg.version()), rs -> {
      String p = rs.getString("name");
      String r = rs.getString("role_name");
      String db = rs.getString("database");
      String me = rs.getString("connected_as");
      if (!rs.getBoolean("role_exists") && p.equals("lock_timeout")) {
        notes.add("role " + r + " does not exist on the server: its own timeouts are unknown");
      }
      add(out, p, "role " + r + " in database " + db, rs.getString("role_in_database"));
      add(out, p, "role " + r, rs.getString("role_value"));
      String database = rs.getString("database_value");
      String allRoles = rs.getString("all_roles_value");
      add(out, p, "database " + db, database);
      add(out, p, "all roles", allRoles);
      // reset_val is the server level only when no pg_db_role_setting entry applies to pgops's own session; a
      // database or all-roles entry shadows the server level for the migration role as well, so it is not needed
      if (database != null || allRoles != null) return null;
      if (!rs.getBoolean("own_role_setting")) {
        add(out, p, "server configuration", TimeoutSetting.withUnit(rs.getString("reset_val"), rs.getString("unit")));
      } else if (!r.equals(me)) { // for the connecting role itself, its own entry above is the one in force
        notes.add(p + " of the server configuration is unknown: the connecting role " + me
            + " has its own setting, which hides it (pg_file_settings is readable by superusers only)");
      }
      return null;
    }, role);
    return out;
  }

  private static void add(List<TimeoutSetting> out, String parameter, String level, String value) {
    if (value != null) out.add(new TimeoutSetting(parameter, level, value));
  }

  private static String reason(PgSession pg, SQLException e) {
    String msg = PgSession.oneLine(pg.spec().redact(e.getMessage()));
    return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + msg;
  }
}
