package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * What {@code pg_stat_statements} holds: the extension version the SQL was chosen by, its settings
 * ({@code pg_stat_statements.max}, {@code .track}, {@code .track_planning}), the number of entries,
 * deallocations and reset time from {@code pg_stat_statements_info} (null before extension 1.9), totals
 * over all entries (for shares), and the selected statements: the union of the top N by total time,
 * mean time, calls, shared blocks read and temp blocks written, ordered by total time descending.
 * {@code queryTextLimit} is the truncation applied to query texts; {@code masked} says literals were masked.
 */
public record Statements(
    String extensionVersion, long max, String track, boolean trackPlanning,
    long entries, Long deallocations, Instant statsReset,
    double totalExecMs, double totalPlanMs, long totalCalls,
    int queryTextLimit, boolean masked,
    List<StatementStats> statements) {

  public Statements {
    statements = List.copyOf(statements == null ? List.of() : statements);
  }

  public double totalTimeMs() {
    return totalExecMs + totalPlanMs;
  }
}
