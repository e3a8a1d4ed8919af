package dev.pgops.rules.migrations;

import dev.pgops.review.ReviewContext;
import dev.pgops.review.TransactionMode;

/** How the review's runner wraps a file, in words, for transaction-shape messages. */
final class TxShape {
  private TxShape() {}

  /** "--transaction per-file wraps the file in a transaction" or "flyway runs this file in a transaction (…)". */
  static String wrapper(ReviewContext ctx) {
    return ctx.options().transactionMode() == TransactionMode.PER_FILE
        ? "--transaction per-file wraps the file in a transaction"
        : ctx.options().runner().id() + " runs this file in a transaction (" + ctx.options().runner().description() + ")";
  }

  /** "--transaction per-file wraps each file in a transaction" or "flyway wraps each migration file in a transaction". */
  static String wraps(ReviewContext ctx) {
    return ctx.options().transactionMode() == TransactionMode.PER_FILE
        ? "--transaction per-file wraps each file in a transaction"
        : ctx.options().runner().id() + " wraps each migration file in a transaction";
  }
}
