package dev.pgops.collect.plans;

/**
 * How plans are collected.
 *
 * @param planCount how many top statements (by total time, in the connected database, not utility)
 *     get a generic plan (default 20)
 * @param queryTextLimit the truncation the statements collector applied to query texts; a text of
 *     that length or longer is reported as truncated instead of sent (0: unknown, no check)
 * @param planTimeoutMs statement timeout for each generic EXPLAIN (planning only; default 5000)
 * @param explainAnalyze opt-in: run EXPLAIN ANALYZE, in a READ ONLY transaction that is always rolled
 *     back, for statements that parse as one plain SELECT without parameters (default false)
 * @param analyzeCount cap on the EXPLAIN ANALYZE runs per collection (default 5)
 * @param analyzeTimeoutMs {@code SET LOCAL statement_timeout} of each EXPLAIN ANALYZE (default 2000)
 */
public record PlanOptions(
    int planCount, int queryTextLimit, long planTimeoutMs,
    boolean explainAnalyze, int analyzeCount, long analyzeTimeoutMs) {

  public static final int DEFAULT_PLAN_COUNT = 20;
  public static final long DEFAULT_PLAN_TIMEOUT_MS = 5000;
  public static final int DEFAULT_ANALYZE_COUNT = 5;
  public static final long DEFAULT_ANALYZE_TIMEOUT_MS = 2000;

  public PlanOptions {
    if (planCount < 0) throw new IllegalArgumentException("planCount must be >= 0");
    if (queryTextLimit < 0) throw new IllegalArgumentException("queryTextLimit must be >= 0");
    if (planTimeoutMs <= 0) throw new IllegalArgumentException("planTimeoutMs must be > 0");
    if (analyzeCount < 0) throw new IllegalArgumentException("analyzeCount must be >= 0");
    if (analyzeTimeoutMs <= 0) throw new IllegalArgumentException("analyzeTimeoutMs must be > 0");
  }

  public static PlanOptions defaults() {
    return new PlanOptions(DEFAULT_PLAN_COUNT, 0, DEFAULT_PLAN_TIMEOUT_MS, false, DEFAULT_ANALYZE_COUNT, DEFAULT_ANALYZE_TIMEOUT_MS);
  }

  public PlanOptions withPlanCount(int n) {
    return new PlanOptions(n, queryTextLimit, planTimeoutMs, explainAnalyze, analyzeCount, analyzeTimeoutMs);
  }

  public PlanOptions withQueryTextLimit(int limit) {
    return new PlanOptions(planCount, limit, planTimeoutMs, explainAnalyze, analyzeCount, analyzeTimeoutMs);
  }

  public PlanOptions withPlanTimeoutMs(long ms) {
    return new PlanOptions(planCount, queryTextLimit, ms, explainAnalyze, analyzeCount, analyzeTimeoutMs);
  }

  /** Turns EXPLAIN ANALYZE on with a count cap and a per-run timeout. */
  public PlanOptions withExplainAnalyze(boolean on, int count, long timeoutMs) {
    return new PlanOptions(planCount, queryTextLimit, planTimeoutMs, on, count, timeoutMs);
  }
}
