package dev.pgops.snapshot;

/**
 * Catalog-based bloat estimate (ioguix method: {@code pg_class} pages vs what {@code pg_stats} widths
 * predict), for a table ({@code index} null) or a btree index. {@code actualBytes} is the relation size,
 * {@code expectedBytes} the estimate of the size without bloat. {@code statsMissing} is true when some
 * columns had no statistics, so the estimate is unreliable.
 */
public record BloatEstimate(
    String schema, String table, String index, long actualBytes, long expectedBytes, boolean statsMissing) {

  public long bloatBytes() {
    return Math.max(0, actualBytes - expectedBytes);
  }

  public double bloatRatio() {
    return actualBytes <= 0 ? 0 : (double) bloatBytes() / actualBytes;
  }
}
