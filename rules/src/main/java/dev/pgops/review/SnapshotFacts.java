package dev.pgops.review;

import dev.pgops.collect.review.ReviewTargets;
import dev.pgops.collect.review.TargetSession;
import dev.pgops.collect.review.TimeoutSetting;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a snapshot (and, on a live connection, the {@link ReviewTargets}) into the {@link ReviewFacts} a review
 * uses. Reads only what the snapshot holds: a section that is unavailable becomes a note, never an exception.
 *
 * <p>Where the facts come from:
 * <ul>
 *   <li>sizes: {@code totalBytes} = {@code pg_total_relation_size} (heap, TOAST, indexes), {@code tableBytes} =
 *       {@code pg_table_size} (heap and TOAST, no indexes), rows = {@code reltuples}; index count and size from the
 *       indexes section (else the table's {@code pg_indexes_size} and a count of 0, with a note). The duration band
 *       of a size-sensitive finding ({@link DurationBand}: 50–250 MB/s of relation size, index builds counted at
 *       twice the table's total size because they read and sort) is computed from {@code totalBytes}, so it is a
 *       rough band for a server that is not saturated, not a promise;</li>
 *   <li>write rate: (inserted + updated + deleted) / statistics window, the window being {@code stats_reset} (or
 *       server start) to collection time as {@link RuleContext#statsWindow(Meta)} defines it; an average since the
 *       reset, not the rate right now (when {@code stats_reset} is unknown the window starts at server start, which
 *       may be later than the counters' start, so the rate can be overstated); null when the window is unknown;</li>
 *   <li>partitioned parents are left out (with a note): the snapshot does not say which partitions they have, and
 *       their own size is 0, which would lower every finding on them;</li>
 *   <li>inbound foreign keys ("schema.table.constraint" of the referencing side), column types ({@code format_type},
 *       e.g. "character varying(50)", which {@link TypeChanges#normalize} reads) and valid
 *       {@code CHECK (col IS NOT NULL)} constraints from the constraints and columns sections;</li>
 *   <li>timeouts of the migration role (default: the role that collected): its {@code ALTER ROLE … SET} values
 *       (roles section), then the value a session of the collecting role started with ({@code pg_settings.reset_val},
 *       untouched by pgops's own SETs), which includes database-level and server-level settings. When the
 *       migration role is another role, its {@code ALTER ROLE … IN DATABASE} settings are not in a snapshot (noted);
 *       a live connection reads every level from {@code pg_db_role_setting}.</li>
 * </ul>
 */
public final class SnapshotFacts {
  private static final Pattern NOT_NULL_CHECK =
      Pattern.compile("(?is)^CHECK\\s*\\(+\\s*(\"(?:[^\"]|\"\")+\"|[^\\s()\"]+)\\s+IS\\s+NOT\\s+NULL\\s*\\)+(\\s+NOT\\s+VALID)?\\s*$");
  private static final List<String> TIMEOUTS = List.of("lock_timeout", "statement_timeout");
  /** Long transactions listed one by one in the notes; the rest are counted. */
  private static final int MAX_LONG_TRANSACTION_NOTES = 10;

  private SnapshotFacts() {}

  /** The facts of a snapshot, for the role that collected it. */
  public static ReviewFacts of(Snapshot snapshot, String source) {
    return of(snapshot, source, null);
  }

  /**
   * The facts of a snapshot.
   *
   * @param source "snapshot FILE", "live HOST:PORT/DB", …
   * @param role   the role the migration runs as; null: the role that collected the snapshot
   */
  public static ReviewFacts of(Snapshot snapshot, String source, String role) {
    return of(snapshot, source, role, null);
  }

  /** The facts of a snapshot plus, when not null, the live sessions and timeouts read right after it. */
  static ReviewFacts of(Snapshot snapshot, String source, String role, Section<ReviewTargets> live) {
    Meta meta = snapshot.meta();
    String migrationRole = role == null || role.isBlank() ? meta.connectedAs() : role;
    List<String> notes = new ArrayList<>();
    Map<String, TableFacts> tables = tables(snapshot, notes);
    Map<String, String> timeouts = new LinkedHashMap<>();
    ReviewTargets targets = live == null ? null : live.collected().orElse(null);
    if (live != null && targets == null) {
      notes.add("live sessions and role timeouts not read: " + live.unavailableReason().orElse("unknown"));
    }
    if (targets != null) notes.addAll(targets.notes());
    if (targets != null && targets.timeoutsRead()) {
      resolve(targets.timeouts(), timeouts, notes);
    } else {
      resolve(snapshotTimeouts(snapshot, migrationRole, notes), timeouts, notes);
    }
    if (targets != null) addSessions(targets.sessions(), tables, notes);
    return new ReviewFacts(source, meta.version().major(), meta.version().num(), true, tables, timeouts, notes);
  }

  // --- tables --------------------------------------------------------------------------------------

  private static Map<String, TableFacts> tables(Snapshot s, List<String> notes) {
    Optional<List<TableStats>> stats = s.tables().collected();
    if (stats.isEmpty()) {
      notes.add("table sizes unknown (" + why(s.tables()) + "): findings are not scaled by size");
      return new TreeMap<>();
    }
    Map<String, Map<String, List<String>>> indexColumns = new HashMap<>();
    Map<String, int[]> indexCount = new HashMap<>();
    Map<String, long[]> indexBytes = new HashMap<>();
    Optional<List<IndexStats>> indexes = s.indexes().collected();
    indexes.ifPresentOrElse(list -> list.forEach(i -> {
      indexCount.computeIfAbsent(i.qualifiedTable(), k -> new int[1])[0]++;
      indexBytes.computeIfAbsent(i.qualifiedTable(), k -> new long[1])[0] += i.sizeBytes();
      // key columns of valid, non-partial indexes: what can cover a foreign key
      if (i.valid() && (i.predicate() == null || i.predicate().isBlank())) {
        indexColumns.computeIfAbsent(i.qualifiedTable(), k -> new TreeMap<>()).put(i.name(), i.keyColumns());
      }
    }), () -> notes.add("index counts unknown (" + why(s.indexes()) + "): index sizes are the tables' pg_indexes_size"));
    Map<String, List<String>> inbound = new HashMap<>();
    Map<String, List<String>> notNullChecks = new HashMap<>();
    s.constraints().collected().ifPresentOrElse(list -> list.forEach(c -> {
      if ("f".equals(c.type()) && c.referencedTable() != null) {
        inbound.computeIfAbsent(c.referencedSchema() + "." + c.referencedTable(), k -> new ArrayList<>())
            .add(c.qualifiedTable() + "." + c.name());
      } else if ("c".equals(c.type()) && c.validated()) {
        String col = notNullColumn(c);
        if (col != null) notNullChecks.computeIfAbsent(c.qualifiedTable(), k -> new ArrayList<>()).add(col);
      }
    }), () -> notes.add("inbound foreign keys and NOT NULL checks unknown (" + why(s.constraints()) + ")"));
    Map<String, Map<String, String>> columnTypes = new HashMap<>();
    s.columns().collected().ifPresentOrElse(list -> {
      for (ColumnInfo c : list) columnTypes.computeIfAbsent(c.qualifiedTable(), k -> new LinkedHashMap<>()).put(c.name(), c.dataType());
    }, () -> notes.add("column types unknown (" + why(s.columns()) + "): type changes are assumed to rewrite"));
    Optional<Duration> window = RuleContext.statsWindow(s.meta()).filter(d -> !d.isNegative() && !d.isZero());
    if (window.isEmpty()) notes.add("write rates unknown: the statistics window (stats_reset or server start) is not known");
    Map<String, TableFacts> out = new TreeMap<>();
    int partitioned = 0;
    for (TableStats t : stats.get()) {
      String name = t.qualifiedName();
      if ("p".equals(t.kind())) {
        partitioned++;
        continue;
      }
      Double writes = window.map(w -> (t.insertedTuples() + t.updatedTuples() + t.deletedTuples()) * 1000.0 / w.toMillis())
          .orElse(null);
      int count = indexes.isPresent() ? indexCount.getOrDefault(name, new int[1])[0] : 0;
      long ib = indexes.isPresent() ? indexBytes.getOrDefault(name, new long[1])[0] : t.indexesBytes();
      out.put(name, new TableFacts(name, t.totalBytes(), t.tableBytes(), t.estimatedRows(), count, ib, writes,
          inbound.getOrDefault(name, List.of()), columnTypes.getOrDefault(name, Map.of()),
          notNullChecks.getOrDefault(name, List.of()), List.of(), indexColumns.getOrDefault(name, Map.of())));
    }
    if (partitioned > 0) {
      notes.add(partitioned + " partitioned table(s) left out: a snapshot does not say which partitions they have, "
          + "so their size is unknown and findings on them are not scaled");
    }
    return out;
  }

  /** The column of a valid {@code CHECK (col IS NOT NULL)}, else null. */
  static String notNullColumn(ConstraintInfo c) {
    if (c.definition() == null) return null;
    Matcher m = NOT_NULL_CHECK.matcher(c.definition().strip());
    if (!m.matches() || m.group(2) != null) return null;
    if (c.columns().size() == 1) return c.columns().get(0);
    String col = m.group(1);
    return col.startsWith("\"") ? col.substring(1, col.length() - 1).replace("\"\"", "\"") : col;
  }

  // --- timeouts ------------------------------------------------------------------------------------

  /** The levels a snapshot shows for the migration role, the one in force first. */
  private static List<TimeoutSetting> snapshotTimeouts(Snapshot s, String role, List<String> notes) {
    String me = s.meta().connectedAs();
    List<TimeoutSetting> out = new ArrayList<>();
    Optional<List<RoleInfo>> roles = s.roles().collected();
    Map<String, String> own = roles.flatMap(rs -> settingsOf(rs, role)).orElse(Map.of());
    Map<String, String> collector = roles.flatMap(rs -> settingsOf(rs, me)).orElse(Map.of());
    if (roles.isEmpty()) {
      notes.add("role settings unknown (" + why(s.roles()) + "): ALTER ROLE " + role + " SET lock_timeout is not seen");
    } else if (roles.get().stream().noneMatch(r -> r.name().equals(role))) {
      notes.add("role " + role + " is not in the snapshot: its own timeouts are unknown");
    }
    boolean sameRole = role.equals(me);
    if (!sameRole) {
      notes.add("ALTER ROLE " + role + " IN DATABASE settings are not in a snapshot; a live connection reads them");
    }
    for (String p : TIMEOUTS) {
      Optional<Setting> setting = s.setting(p);
      // the collecting session's reset value is the migration role's when it is the same role, else only when the
      // collecting role has no setting of its own that would stand in for the database and server levels
      boolean resetKnown = setting.isPresent() && (sameRole || !collector.containsKey(p));
      if (own.containsKey(p) && !(sameRole && resetKnown)) out.add(new TimeoutSetting(p, "role " + role, own.get(p)));
      if (resetKnown) {
        String level = sameRole && own.containsKey(p) ? "role " + role
            : "database " + s.meta().database() + " or server configuration";
        out.add(new TimeoutSetting(p, level, TimeoutSetting.withUnit(setting.get().resetValue(), setting.get().unit())));
      } else if (!own.containsKey(p)) {
        notes.add(p + " of the database and server unknown (" + (setting.isPresent()
            ? "the collecting role " + me + " has its own setting, which hides them" : why(s.settings())) + ")");
      }
    }
    return out;
  }

  /** A role's {@code ALTER ROLE … SET} values ("lock_timeout=5s") as name → value. */
  private static Optional<Map<String, String>> settingsOf(List<RoleInfo> roles, String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst().map(r -> {
      Map<String, String> m = new HashMap<>();
      for (String kv : r.settings()) {
        int eq = kv.indexOf('=');
        if (eq > 0) m.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
      }
      return m;
    });
  }

  /**
   * Per parameter, the first level (the one in force) into {@code out} as "level: value" when it limits the
   * wait; an explicit 0 above the server level (timeout switched off for the role or database) becomes a note.
   */
  private static void resolve(List<TimeoutSetting> levels, Map<String, String> out, List<String> notes) {
    Set<String> seen = new LinkedHashSet<>();
    for (TimeoutSetting t : levels) {
      if (!seen.add(t.parameter())) continue;
      if (limits(t.value())) {
        out.put(t.parameter(), t.level() + ": " + t.value());
      } else if (!t.level().equals("server configuration") && !t.level().endsWith(" or server configuration")) {
        notes.add(t.parameter() + " is switched off (" + t.value() + ") for " + t.level());
      }
    }
  }

  /** Not empty and not zero in any unit: 0 disables the timeout. */
  private static boolean limits(String value) {
    if (value == null) return false;
    String v = value.strip().replace("'", "");
    return !v.isEmpty() && !v.matches("0+(\\.0*)?\\s*(us|ms|s|min|h|d)?");
  }

  // --- live sessions -------------------------------------------------------------------------------

  private static void addSessions(List<TargetSession> sessions, Map<String, TableFacts> tables, List<String> notes) {
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    List<String> longOnes = new ArrayList<>();
    for (TargetSession s : sessions) {
      if (s.target() == null) {
        longOnes.add(describe(s));
      } else {
        byTable.computeIfAbsent(s.target(), k -> new ArrayList<>()).add(describe(s));
      }
    }
    Map<String, TableFacts> merged = new HashMap<>();
    byTable.forEach((table, list) -> {
      TableFacts f = tables.get(table);
      if (f != null) {
        merged.put(table, f.withActiveSessions(list));
      } else {
        notes.add("sessions on " + table + " right now: " + String.join("; ", list));
      }
    });
    tables.putAll(merged);
    for (int i = 0; i < longOnes.size() && i < MAX_LONG_TRANSACTION_NOTES; i++) {
      notes.add("long transaction in the database: " + longOnes.get(i)
          + " (CONCURRENTLY index builds and validations wait for it to end)");
    }
    if (longOnes.size() > MAX_LONG_TRANSACTION_NOTES) {
      notes.add((longOnes.size() - MAX_LONG_TRANSACTION_NOTES) + " more long transactions in the database");
    }
  }

  /**
   * "pid 4711 (alice, app psql): idle in transaction for 3 min, transaction open 5 min, holds AccessShareLock";
   * "pid 4712 (bob): active, waits for AccessExclusiveLock behind pid 4711"; "prepared transaction: holds …".
   */
  static String describe(TargetSession s) {
    StringBuilder b = new StringBuilder(s.pid() == null ? "prepared transaction" : "pid " + s.pid());
    List<String> who = new ArrayList<>();
    if (s.user() != null) who.add(s.user());
    if (s.application() != null && !s.application().isBlank()) who.add("app " + s.application());
    if (s.backendType() != null && !s.backendType().equals("client backend")) who.add(s.backendType());
    if (!who.isEmpty()) b.append(" (").append(String.join(", ", who)).append(')');
    List<String> what = new ArrayList<>();
    if (s.state() != null) {
      what.add(s.state() + (s.stateAgeSec() != null && s.stateAgeSec() > 0 && !"active".equals(s.state())
          ? " for " + Fmt.age(s.stateAgeSec()) : ""));
    }
    if (s.xactAgeSec() != null) what.add("transaction open " + Fmt.age(s.xactAgeSec()));
    if (Boolean.TRUE.equals(s.granted())) {
      what.add("holds " + String.join(", ", s.lockModes()));
    } else if (Boolean.FALSE.equals(s.granted())) {
      what.add("waits for " + String.join(", ", s.lockModes()) + (s.blockedBy().isEmpty() ? ""
          : " behind pid " + String.join(", ", s.blockedBy().stream().map(String::valueOf).toList())));
    }
    if (!what.isEmpty()) b.append(": ").append(String.join(", ", what));
    return b.toString();
  }

  private static String why(Section<?> section) {
    return "not collected: " + section.unavailableReason().orElse("unknown");
  }
}
