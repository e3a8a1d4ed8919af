package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewEngine;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

/** Reported by {@link ReviewEngine} while it reads directives: a directive without a reason is not applied. */
@RuleInfo(id = ReviewEngine.INVALID_IGNORE, area = Area.MIGRATIONS, checklist = "MIG-1", severity = Severity.MEDIUM,
    summary = "A pgops:ignore directive has no reason or no rule id, so it is not applied")
public final class InvalidIgnoreRule implements MigrationRule {}
