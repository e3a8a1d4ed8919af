package dev.pgops.rules.migrations;

import dev.pgops.review.MigrationRule;
import java.util.List;

/** The built-in migration rules of {@code pgops review}, one per line, alphabetical by class name. */
public final class MigrationRules {
  private MigrationRules() {}

  public static final List<MigrationRule> ALL = List.of(
      new AddColumnRequiredRule(),
      new AddColumnSerialOrIdentityRule(),
      new AddColumnStoredGeneratedRule(),
      new AddColumnVolatileDefaultRule(),
      new AttachPartitionScanRule(),
      new ChangeColumnTypeRule(),
      new CheckConstraintValidatingRule(),
      new ClusterTableRule(),
      new ConcurrentIndexNotIdempotentRule(),
      new ConcurrentlyInTransactionRule(),
      new CreateIndexNonConcurrentRule(),
      new CreateTriggerBlocksWritesRule(),
      new DetachPartitionNonConcurrentRule(),
      new DomainConstraintRule(),
      new DropColumnRule(),
      new DropIndexNonConcurrentRule(),
      new DropSchemaOrDatabaseRule(),
      new DropTableRule(),
      new EnumAddValueInTransactionRule(),
      new ExclusionConstraintRule(),
      new FkWithoutCoveringIndexRule(),
      new ForeignKeyValidatingRule(),
      new IdentifierTooLongRule(),
      new IntegerPrimaryKeyRule(),
      new InvalidIgnoreRule(),
      new JsonColumnRule(),
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
      new RenameColumnRule(),
      new RenameTableRule(),
      new ReplicaIdentityFullRule(),
      new SetNotNullScanRule(),
      new SetTablespaceRule(),
      new TableRewriteAlterRule(),
      new TimestampWithoutTimeZoneRule(),
      new TransactionNestingRule(),
      new TruncateTableRule(),
      new UnboundedUpdateDeleteRule(),
      new UncommittedTransactionRule(),
      new UniqueConstraintInPlaceRule(),
      new UnknownStatementRule(),
      new UnusedIgnoreRule(),
      new VacuumFullRule(),
      new ValidateInSameTransactionRule());
}
