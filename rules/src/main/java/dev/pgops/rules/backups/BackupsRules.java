package dev.pgops.rules.backups;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Backups rules, one per line, alphabetical by class name. */
public final class BackupsRules {
  private BackupsRules() {}

  public static final List<Rule> ALL = List.of(
      new ArchiveCommandUnsafeRule(),
      new ArchiveModeOffRule(),
      new ArchiverFailingRule(),
      new ArchiverStalledRule(),
      new ReplicationLagRule(),
      new ReplicationSlotInactiveRule(),
      new ReplicationSlotWalRetentionRule());
}
