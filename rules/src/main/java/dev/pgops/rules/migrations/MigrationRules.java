package dev.pgops.rules.migrations;

import dev.pgops.review.MigrationRule;
import dev.pgops.rules.RuleDescriptor;
import java.util.Comparator;
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

  /**
   * Their descriptors by id (the same list as {@code BuiltInRules.MIGRATION}): a review builds only these, not the
   * health rules.
   */
  public static final List<RuleDescriptor> DESCRIPTORS = ALL.stream()
      .map(RuleDescriptor::of)
      .sorted(Comparator.comparing(RuleDescriptor::id))
      .toList();
}
