package dev.pgops.review;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.StatementKind;
import java.util.Locale;

/**
 * Which statements open or close the session's transaction. {@code ROLLBACK TO SAVEPOINT} and the two-phase
 * {@code COMMIT PREPARED} / {@code ROLLBACK PREPARED} are classified as COMMIT / ROLLBACK but leave the current
 * transaction as it is; {@code PREPARE TRANSACTION} ends it.
 */
public final class TransactionControl {
  private TransactionControl() {}

  /** BEGIN / START TRANSACTION. */
  public static boolean begins(ClassifiedStatement c) {
    return c.kind() == StatementKind.BEGIN;
  }

  /** COMMIT / END / ROLLBACK / ABORT / PREPARE TRANSACTION: the open transaction ends here. */
  public static boolean ends(ClassifiedStatement c) {
    String u = c.text().strip().toUpperCase(Locale.ROOT);
    return switch (c.kind()) {
      case COMMIT -> !u.matches("(?s)^COMMIT\\s+PREPARED\\b.*");
      case ROLLBACK -> !u.matches("(?s)^(ROLLBACK|ABORT)\\s+(WORK\\s+|TRANSACTION\\s+)?(TO|PREPARED)\\b.*");
      case OTHER -> u.matches("(?s)^PREPARE\\s+TRANSACTION\\b.*");
      default -> false;
    };
  }
}
