package dev.pgops.rules;

import dev.pgops.rules.backups.BackupsRules;
import dev.pgops.rules.configuration.ConfigurationRules;
import dev.pgops.rules.connections.ConnectionsRules;
import dev.pgops.rules.maintenance.MaintenanceRules;
import dev.pgops.rules.migrations.MigrationRules;
import dev.pgops.rules.performance.PerformanceRules;
import dev.pgops.rules.plans.PlanRules;
import dev.pgops.rules.pressure.PressureRules;
import dev.pgops.rules.schema.SchemaRules;
import dev.pgops.rules.security.SecurityRules;
import dev.pgops.rules.statements.StatementRules;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every built-in rule; each area keeps its own explicit list. {@link #ALL} are the snapshot (health) rules. */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static final List<RuleDescriptor> ALL = Stream.of(
          MaintenanceRules.ALL,
          SchemaRules.ALL,
          PerformanceRules.ALL,
          StatementRules.ALL,
          PlanRules.ALL,
          PressureRules.ALL,
          ConnectionsRules.ALL,
          BackupsRules.ALL,
          ConfigurationRules.ALL,
          SecurityRules.ALL)
      .flatMap(List::stream)
      .map(RuleDescriptor::of)
      .sorted(Comparator.comparing(RuleDescriptor::id))
      .toList();

  /** The migration rules of {@code pgops review}, by id. */
  public static final List<RuleDescriptor> MIGRATION = MigrationRules.DESCRIPTORS;

  /** Every rule, health and migration, by id: for docs, {@code pgops rules} and pgops.yaml validation. */
  public static final List<RuleDescriptor> CATALOG = Stream.concat(ALL.stream(), MIGRATION.stream())
      .sorted(Comparator.comparing(RuleDescriptor::id))
      .toList();

  public static RuleEngine engine() {
    return new RuleEngine(ALL);
  }
}
