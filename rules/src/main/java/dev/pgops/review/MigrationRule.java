package dev.pgops.review;

import dev.pgops.rules.RuleImplementation;

/**
 * A stateless check of migration statements, described by {@code @RuleInfo} (area MIGRATIONS) and a side-car
 * doc. {@link #check} sees one statement at a time with its context; {@link #checkFile} sees a whole file (for
 * transaction shape and cross-statement rules). Report through {@link ReviewContext#at}.
 */
public interface MigrationRule extends RuleImplementation {
  default void check(ReviewStatement s, ReviewContext ctx) {}

  default void checkFile(ReviewFile file, ReviewContext ctx) {}
}
