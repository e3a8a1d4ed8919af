package dev.pgops.rules.backups;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Backups and Restore-drills rules, one per line, alphabetical by class name. */
public final class BackupsRules {
  private BackupsRules() {}

  public static final List<Rule> ALL = List.of(
      new ArchiveBacklogRule(),
      new ArchiveCommandUnsafeRule(),
      new ArchiveModeOffRule(),
      new ArchiverFailingRule(),
      new ArchiverStalledRule(),
      new BackupDurationAnomalyRule(),
      new BackupFullTooOldRule(),
      new BackupIdentityMismatchRule(),
      new BackupRetentionBelowPolicyRule(),
      new BackupSizeAnomalyRule(),
      new BackupStuckRule(),
      new BackupToolErrorsRule(),
      new BackupTooOldRule(),
      new ReplicationLagRule(),
      new ReplicationSlotInactiveRule(),
      new ReplicationSlotWalRetentionRule(),
      new RestoreDrillFailedRule(),
      new RestoreDrillOverdueRule(),
      new WalArchiveGapRule());
}
