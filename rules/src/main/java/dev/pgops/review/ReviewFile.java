package dev.pgops.review;

import java.util.List;

/**
 * A migration file in its review context.
 *
 * @param file       the name used in messages
 * @param mode       how it runs (after the runner's special cases)
 * @param statements its statements
 * @param error      why it could not be read, or null
 */
public record ReviewFile(String file, TransactionMode mode, List<ReviewStatement> statements, String error) {
  public ReviewFile {
    statements = List.copyOf(statements);
  }

  public boolean failed() {
    return error != null;
  }
}
