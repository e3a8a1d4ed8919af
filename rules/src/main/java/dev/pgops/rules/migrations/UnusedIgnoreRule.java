package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewEngine;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/** Reported by {@link ReviewEngine} after the other rules ran: a directive that silenced nothing. */
@RuleInfo(id = ReviewEngine.UNUSED_IGNORE, area = Area.MIGRATIONS, checklist = "MIG-1", severity = Severity.LOW,
    summary = "A pgops:ignore directive names a rule that does not fire there, or no rule at all")
public final class UnusedIgnoreRule implements MigrationRule {}
