package dev.pgops.review;

/**
 * How to review: the runner (or an explicit transaction mode, which wins) and the size thresholds that escalate
 * severity. Sizes in bytes.
 *
 * @param runner           the migration runner (default plain)
 * @param transactionMode  overrides the runner's mode when not null ({@code --transaction per-file|none})
 * @param smallTableBytes  at or below: size-dependent findings are lowered (default 10 MB)
 * @param largeTableBytes  at or above: at least high (default 1 GB)
 * @param hugeTableBytes   at or above: critical (default 10 GB)
 */
public record ReviewOptions(Runner runner, TransactionMode transactionMode, long smallTableBytes, long largeTableBytes,
    long hugeTableBytes) {

  public static final long MB = 1024L * 1024;
  public static final long GB = 1024L * MB;

  public static ReviewOptions defaults() {
    return new ReviewOptions(Runner.PLAIN, null, 10 * MB, GB, 10 * GB);
  }

  public ReviewOptions withRunner(Runner r) {
    return new ReviewOptions(r, transactionMode, smallTableBytes, largeTableBytes, hugeTableBytes);
  }

  public ReviewOptions withTransactionMode(TransactionMode m) {
    return new ReviewOptions(runner, m, smallTableBytes, largeTableBytes, hugeTableBytes);
  }

  public ReviewOptions withSizes(long small, long large, long huge) {
    if (!(small < large && large < huge)) {
      throw new IllegalArgumentException("table size thresholds must grow: small < large < huge");
    }
    return new ReviewOptions(runner, transactionMode, small, large, huge);
  }

  /** The mode files are run in: the explicit override, else the runner's. */
  public TransactionMode mode() {
    return transactionMode != null ? transactionMode : runner.mode();
  }
}
