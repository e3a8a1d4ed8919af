package dev.pgops.rules.migrations;

import dev.pgops.review.MigrationRule;
import java.util.List;

/** The built-in migration rules of {@code pgops review}, one per line, alphabetical by class name. */
public final class MigrationRules {
  private MigrationRules() {}

  public static final List<MigrationRule> ALL = List.of(
      new CheckConstraintValidatingRule(),
      new ConcurrentIndexNotIdempotentRule(),
      new ConcurrentlyInTransactionRule(),
      new CreateIndexNonConcurrentRule(),
      new DomainConstraintRule(),
      new DropIndexNonConcurrentRule(),
      new ExclusionConstraintRule(),
      new FkWithoutCoveringIndexRule(),
      new ForeignKeyValidatingRule(),
      new InvalidIgnoreRule(),
      new MissingLockTimeoutRule(),
      new Pg14ConcurrentIndexBugRule(),
      new PrimaryKeyInPlaceRule(),
      new ReindexNonConcurrentRule(),
      new SetNotNullScanRule(),
      new UniqueConstraintInPlaceRule(),
      new UnknownStatementRule(),
      new UnusedIgnoreRule(),
      new ValidateInSameTransactionRule());
}
