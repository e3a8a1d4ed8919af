package dev.pgops.collect;

import dev.pgops.backup.BackupToolOptions;
import dev.pgops.collect.plans.PlanOptions;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a collection run behaves.
 *
 * @param statementTimeoutMs session {@code statement_timeout} (default 5000)
 * @param lockTimeoutMs session {@code lock_timeout} (default 100)
 * @param perCollectorTimeoutMs statement timeout per collector name, overriding both the session
 *     default and the collector's own {@link Collector#timeoutMs()}
 * @param clock source of {@code meta.collectedAt}
 * @param toolVersion written to {@code meta.toolVersion}
 * @param maxSessions cap on the notable sessions listed in the activity section (default 50)
 * @param statementsTopN N of the {@code pg_stat_statements} top-N lists (by total time, mean time,
 *     calls, shared blocks read, temp blocks written) whose union is collected (default 50)
 * @param statementsRowCap hard cap on the statements collected, whatever the union's size (default 250)
 * @param queryTextLimit query texts are truncated server-side to this many characters (default 2000)
 * @param maskQueryText replace string and numeric literals in query texts with {@code ?} (default off)
 * @param plans how the plans section is collected (top-statement count, timeouts, opt-in EXPLAIN ANALYZE)
 * @param backupTool where the backup tool's catalogue comes from (the {@code backupTools} section); null when no
 *     backup tool is configured, which leaves the section unavailable
 */
public record CollectOptions(
    long statementTimeoutMs, long lockTimeoutMs, Map<String, Long> perCollectorTimeoutMs,
    Clock clock, String toolVersion, int maxSessions,
    int statementsTopN, int statementsRowCap, int queryTextLimit, boolean maskQueryText,
    PlanOptions plans, BackupToolOptions backupTool) {

  public static final long DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
  public static final long DEFAULT_LOCK_TIMEOUT_MS = 100;
  public static final int DEFAULT_MAX_SESSIONS = 50;
  public static final int DEFAULT_STATEMENTS_TOP_N = 50;
  public static final int DEFAULT_STATEMENTS_ROW_CAP = 250;
  public static final int DEFAULT_QUERY_TEXT_LIMIT = 2000;

  public CollectOptions {
    if (statementTimeoutMs <= 0) throw new IllegalArgumentException("statementTimeoutMs must be > 0");
    if (lockTimeoutMs <= 0) throw new IllegalArgumentException("lockTimeoutMs must be > 0");
    if (maxSessions < 0) throw new IllegalArgumentException("maxSessions must be >= 0");
    if (statementsTopN < 1) throw new IllegalArgumentException("statementsTopN must be >= 1");
    if (statementsRowCap < 1) throw new IllegalArgumentException("statementsRowCap must be >= 1");
    if (queryTextLimit < 1) throw new IllegalArgumentException("queryTextLimit must be >= 1");
    perCollectorTimeoutMs = Map.copyOf(new TreeMap<>(perCollectorTimeoutMs == null ? Map.of() : perCollectorTimeoutMs));
    clock = clock == null ? Clock.systemUTC() : clock;
    toolVersion = toolVersion == null ? "dev" : toolVersion;
    plans = plans == null ? PlanOptions.defaults() : plans;
  }

  /** The pre-issue-3 components; statement and plan options take their defaults. */
  public CollectOptions(long statementTimeoutMs, long lockTimeoutMs, Map<String, Long> perCollectorTimeoutMs,
                        Clock clock, String toolVersion, int maxSessions) {
    this(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        DEFAULT_STATEMENTS_TOP_N, DEFAULT_STATEMENTS_ROW_CAP, DEFAULT_QUERY_TEXT_LIMIT, false, null, null);
  }

  public static CollectOptions defaults() {
    return new CollectOptions(DEFAULT_STATEMENT_TIMEOUT_MS, DEFAULT_LOCK_TIMEOUT_MS, Map.of(),
        Clock.systemUTC(), "dev", DEFAULT_MAX_SESSIONS);
  }

  public CollectOptions withClock(Clock c) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, c, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, plans, backupTool);
  }

  public CollectOptions withToolVersion(String v) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, v, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, plans, backupTool);
  }

  public CollectOptions withTimeouts(long statementMs, long lockMs) {
    return new CollectOptions(statementMs, lockMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, plans, backupTool);
  }

  public CollectOptions withCollectorTimeout(String collector, long ms) {
    Map<String, Long> m = new TreeMap<>(perCollectorTimeoutMs);
    m.put(collector, ms);
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, m, clock, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, plans, backupTool);
  }

  public CollectOptions withMaxSessions(int n) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, n,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, plans, backupTool);
  }

  /** N of each top-N list and the hard cap on the statements collected. */
  public CollectOptions withStatementsTop(int topN, int rowCap) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        topN, rowCap, queryTextLimit, maskQueryText, plans, backupTool);
  }

  public CollectOptions withQueryTextLimit(int chars) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, chars, maskQueryText, plans, backupTool);
  }

  public CollectOptions withMaskQueryText(boolean mask) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, mask, plans, backupTool);
  }

  public CollectOptions withPlans(PlanOptions p) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, p, backupTool);
  }

  /** The backup tool to read the catalogue of (null: none). */
  public CollectOptions withBackupTool(BackupToolOptions b) {
    return new CollectOptions(statementTimeoutMs, lockTimeoutMs, perCollectorTimeoutMs, clock, toolVersion, maxSessions,
        statementsTopN, statementsRowCap, queryTextLimit, maskQueryText, plans, b);
  }

  /** The statement timeout a collector runs under. */
  public long timeoutFor(Collector<?> c) {
    Long override = perCollectorTimeoutMs.get(c.name());
    if (override != null) return override;
    return c.timeoutMs() > 0 ? c.timeoutMs() : statementTimeoutMs;
  }
}
