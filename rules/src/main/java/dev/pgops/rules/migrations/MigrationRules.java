package dev.pgops.rules.migrations;

import dev.pgops.review.MigrationRule;
import java.util.List;

/** The built-in migration rules of {@code pgops review}, one per line, alphabetical by class name. */
public final class MigrationRules {
  private MigrationRules() {}

  public static final List<MigrationRule> ALL = List.of(
      new ConcurrentlyInTransactionRule(),
      new CreateIndexNonConcurrentRule(),
      new InvalidIgnoreRule(),
      new MissingLockTimeoutRule(),
      new UnknownStatementRule(),
      new UnusedIgnoreRule());
}
