package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.AlterAction;
import dev.pgops.migration.AlterAction.Kind;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.Locale;

/**
 * CREATE TRIGGER and ALTER TABLE … ENABLE / DISABLE TRIGGER on an existing table take SHARE ROW EXCLUSIVE: brief,
 * but writes wait while the request queues. DISABLE TRIGGER ALL also switches off the internal foreign-key triggers
 * (medium: rows written meanwhile are not checked); DISABLE TRIGGER USER switches off every user trigger.
 */
@RuleInfo(id = "create-trigger-blocks-writes", area = Area.MIGRATIONS, checklist = "MIG-7", severity = Severity.LOW,
    summary = "CREATE TRIGGER or ENABLE/DISABLE TRIGGER takes SHARE ROW EXCLUSIVE, blocking writes while it waits and runs")
public final class CreateTriggerBlocksWritesRule implements MigrationRule {
  private static final String LOCK = "takes SHARE ROW EXCLUSIVE on %s: inserts, updates and deletes wait while the "
      + "request queues behind running transactions and while it runs";
  private static final String SCOPED = "SET lock_timeout = '2s'; before it and retry on timeout.";

  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.target() == null || ctx.targetIsNew(s)) return;
    String t = s.target();
    if (s.kind() == StatementKind.CREATE_TRIGGER) {
      ctx.at(s, "CREATE TRIGGER " + LOCK.formatted(t) + "; from then on the trigger runs for every matching write")
          .remediation("Create the trigger function first (no table lock), then the trigger; " + SCOPED)
          .report();
      return;
    }
    if (s.kind() != StatementKind.ALTER_TABLE) return;
    String worst = null;
    for (AlterAction a : s.classified().alterActions()) {
      String text = a.text().toUpperCase(Locale.ROOT);
      if (a.kind() != Kind.OTHER || !text.matches("^(ENABLE|DISABLE)\\s+(ALWAYS\\s+|REPLICA\\s+)?TRIGGER\\b.*")) continue;
      String scope = text.matches("^DISABLE\\s+TRIGGER\\s+ALL\\b.*") ? "ALL"
          : text.matches("^DISABLE\\s+TRIGGER\\s+USER\\b.*") ? "USER"
          : text.startsWith("DISABLE") ? "one" : "enable";
      if (worst == null || rank(scope) > rank(worst)) worst = scope;
    }
    if (worst == null) return;
    String what = switch (worst) {
      case "ALL" -> "; DISABLE TRIGGER ALL also switches off the internal foreign-key triggers of " + t + ": until they "
          + "are enabled again, rows written by any session are not checked against referenced tables (and deletes "
          + "no longer cascade or restrict), so orphaned rows can appear — and it needs superuser";
      case "USER" -> "; DISABLE TRIGGER USER switches off every user trigger of " + t + " (audit, denormalisation …) for "
          + "every session, not just this migration";
      case "one" -> "; the trigger is disabled for every session, not just this migration";
      default -> "";
    };
    ctx.at(s, "ALTER TABLE " + t + " " + (worst.equals("enable") ? "ENABLE" : "DISABLE") + " TRIGGER "
            + LOCK.formatted(t) + what)
        .severity(worst.equals("ALL") ? Severity.MEDIUM : Severity.LOW)
        .remediation(worst.equals("enable") ? SCOPED
            : "To skip triggers only for this migration's own writes, use SET LOCAL session_replication_role = "
                + "replica; inside its transaction (superuser; it also skips foreign-key checks, for this session "
                + "only) instead of disabling them for everyone; otherwise keep the disabled window short, re-enable "
                + "in the same transaction, and " + SCOPED)
        .report();
  }

  private static int rank(String scope) {
    return switch (scope) {
      case "ALL" -> 3;
      case "USER" -> 2;
      case "one" -> 1;
      default -> 0;
    };
  }
}
