package dev.pgops.rules.schema;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in schema rules (Maintenance area: bloat, validity, keys, types), one per line, alphabetical by class name. */
public final class SchemaRules {
  private SchemaRules() {}

  public static final List<Rule> ALL = List.of(
      new DisabledTriggerRule(),
      new IndexBloatRule(),
      new IndexLargerThanTableRule(),
      new IntegerKeyNearOverflowRule(),
      new InvalidIndexRule(),
      new NotValidConstraintRule(),
      new RiskyColumnTypeRule(),
      new SequenceNearOverflowRule(),
      new TableBloatRule(),
      new TableWithoutPrimaryKeyRule(),
      new UnloggedTableRule(),
      new VeryLargeTableRule());
}
