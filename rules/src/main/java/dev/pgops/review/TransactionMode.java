package dev.pgops.review;

/** How a runner executes one migration file. */
public enum TransactionMode {
  /** The runner wraps the whole file in one transaction. */
  PER_FILE,
  /** Every statement commits on its own unless the file has BEGIN … COMMIT. */
  NONE,
  /**
   * The file is sent as one multi-statement query: PostgreSQL runs it as one implicit transaction (a file of one
   * statement runs alone).
   */
  IMPLICIT
}
