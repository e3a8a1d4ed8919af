package dev.pgops.rules.migrations;

import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import java.util.List;

/** Choosing which of a statement's tables a finding is about (VACUUM a, b; LOCK a, b). */
final class Targets {
  private Targets() {}

  /**
   * Of {@code tables}, the one that existed before the review and is largest by the database's facts (the first
   * existing one when no sizes are known); null when every table was created earlier in this review.
   */
  static String largestExisting(ReviewStatement s, ReviewContext ctx, List<String> tables) {
    String best = null;
    long bestBytes = -1;
    for (String t : tables) {
      if (ctx.isNew(t, s)) continue;
      long bytes = ctx.table(t).map(TableFacts::totalBytes).orElse(-1L);
      if (best == null || bytes > bestBytes) {
        best = t;
        bestBytes = bytes;
      }
    }
    return best;
  }
}
