package dev.pgops.rules.migrations;

import dev.pgops.review.MigrationRule;
import java.util.List;

/** The built-in migration rules of {@code pgops review}, one per line, alphabetical by class name. */
public final class MigrationRules {
  private MigrationRules() {}

  public static final List<MigrationRule> ALL = List.of(
      new AttachPartitionScanRule(),
      new CheckConstraintValidatingRule(),
      new ClusterTableRule(),
      new ConcurrentIndexNotIdempotentRule(),
      new ConcurrentlyInTransactionRule(),
      new CreateIndexNonConcurrentRule(),
      new CreateTriggerBlocksWritesRule(),
      new DomainConstraintRule(),
      new DropIndexNonConcurrentRule(),
      new ExclusionConstraintRule(),
      new FkWithoutCoveringIndexRule(),
      new ForeignKeyValidatingRule(),
      new InvalidIgnoreRule(),
      new LockHeldAcrossStatementsRule(),
      new LockTableRule(),
      new LockTimeoutTooLongRule(),
      new MissingLockTimeoutRule(),
      new MissingStatementTimeoutRule(),
      new MultipleAlterSameTableRule(),
      new Pg14ConcurrentIndexBugRule(),
      new PrimaryKeyInPlaceRule(),
      new RefreshMatviewNonConcurrentRule(),
      new ReindexNonConcurrentRule(),
      new ReplicaIdentityFullRule(),
      new SetNotNullScanRule(),
      new SetTablespaceRule(),
      new TableRewriteAlterRule(),
      new TransactionNestingRule(),
      new UnboundedUpdateDeleteRule(),
      new UncommittedTransactionRule(),
      new UniqueConstraintInPlaceRule(),
      new UnknownStatementRule(),
      new UnusedIgnoreRule(),
      new VacuumFullRule(),
      new ValidateInSameTransactionRule());
}
