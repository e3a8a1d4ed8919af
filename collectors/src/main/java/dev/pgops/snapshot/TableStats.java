package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * A table (or partitioned table / materialized view) of the connected database, from {@code pg_class},
 * {@code pg_stat_user_tables} and {@code pg_statio_user_tables}. Sizes in bytes. {@code xidAge} is the
 * greater of the table's and its TOAST table's {@code age(relfrozenxid)}. {@code kind} is
 * {@code pg_class.relkind} ("r", "p", "m"); {@code persistence} is {@code relpersistence} ("p", "u").
 * Timestamps are null when the event never happened; {@code lastSeqScan} is null before PG16.
 * {@code estimatedRows} is {@code pg_class.reltuples}: -1 on PG14+ for a table never vacuumed or analyzed.
 * {@code disabledTriggers} counts non-internal triggers with {@code tgenabled = 'D'}.
 */
public record TableStats(
    String schema, String name, String kind, String persistence, boolean partition,
    long tableBytes, long toastBytes, long indexesBytes, long totalBytes,
    long estimatedRows, long liveTuples, long deadTuples, long modsSinceAnalyze,
    long insertedTuples, long updatedTuples, long deletedTuples, long hotUpdatedTuples,
    long seqScans, long seqTuplesRead, long idxScans,
    long heapBlocksRead, long heapBlocksHit,
    long xidAge, long mxidAge,
    Instant lastVacuum, Instant lastAutovacuum, Instant lastAnalyze, Instant lastAutoanalyze, Instant lastSeqScan,
    long vacuumCount, long autovacuumCount, long analyzeCount, long autoanalyzeCount,
    List<String> options, int disabledTriggers, String comment) {

  public TableStats {
    options = List.copyOf(options == null ? List.of() : options);
  }

  public String qualifiedName() {
    return schema + "." + name;
  }

  /** Latest vacuum of either kind, or null. */
  public Instant lastVacuumAny() {
    return latest(lastVacuum, lastAutovacuum);
  }

  public Instant lastAnalyzeAny() {
    return latest(lastAnalyze, lastAutoanalyze);
  }

  /** A storage parameter from {@code reloptions} (e.g. "autovacuum_enabled"), or null. */
  public String option(String key) {
    for (String o : options) {
      int eq = o.indexOf('=');
      if (eq > 0 && o.substring(0, eq).equals(key)) return o.substring(eq + 1);
    }
    return null;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }
}
