package dev.pgops.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plan of one statement, as PostgreSQL's EXPLAIN (FORMAT JSON) printed it ({@code explain}, kept raw
 * so newer parsers and rules can re-read it). {@code method}: "generic" (EXPLAIN GENERIC_PLAN, PG16+),
 * "generic-prepared" (PREPARE + force_generic_plan + EXPLAIN EXECUTE, PG13–15), "analyze" (opt-in
 * EXPLAIN ANALYZE of a single SELECT, rolled back) or "file" (read from a file). {@code status} is "ok"
 * or "not-explainable" with the reason (utility statement, parameter typing, text that no longer
 * parses); then {@code explain} is null.
 */
public record QueryPlan(String queryId, String query, String method, String status, String reason, JsonNode explain) {
  public static final String OK = "ok";
  public static final String NOT_EXPLAINABLE = "not-explainable";

  public boolean ok() {
    return OK.equals(status) && explain != null;
  }
}
