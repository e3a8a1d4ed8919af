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
      new ChangeColumnTypeRule(),
      new ConcurrentlyInTransactionRule(),
      new CreateIndexNonConcurrentRule(),
      new DetachPartitionNonConcurrentRule(),
      new DropColumnRule(),
      new DropSchemaOrDatabaseRule(),
      new DropTableRule(),
      new EnumAddValueInTransactionRule(),
      new IdentifierTooLongRule(),
      new IntegerPrimaryKeyRule(),
      new InvalidIgnoreRule(),
      new JsonColumnRule(),
      new MissingLockTimeoutRule(),
      new RenameColumnRule(),
      new RenameTableRule(),
      new TimestampWithoutTimeZoneRule(),
      new TruncateTableRule(),
      new UnknownStatementRule(),
      new UnusedIgnoreRule());
}
