package dev.pgops.rules.migrations;

import dev.pgops.review.MigrationRule;
import java.util.List;

/** The built-in migration rules of {@code pgops review}, one per line, alphabetical by class name. */
public final class MigrationRules {
  private MigrationRules() {}

  public static final List<MigrationRule> ALL = List.of(
      new AttachPartitionScanRule(),
      new ClusterTableRule(),
      new ConcurrentlyInTransactionRule(),
      new CreateIndexNonConcurrentRule(),
      new CreateTriggerBlocksWritesRule(),
      new InvalidIgnoreRule(),
      new LockHeldAcrossStatementsRule(),
      new LockTableRule(),
      new LockTimeoutTooLongRule(),
      new MissingLockTimeoutRule(),
      new MissingStatementTimeoutRule(),
      new MultipleAlterSameTableRule(),
      new RefreshMatviewNonConcurrentRule(),
      new ReplicaIdentityFullRule(),
      new SetTablespaceRule(),
      new TableRewriteAlterRule(),
      new TransactionNestingRule(),
      new UnboundedUpdateDeleteRule(),
      new UncommittedTransactionRule(),
      new UnknownStatementRule(),
      new UnusedIgnoreRule(),
      new VacuumFullRule());
}
