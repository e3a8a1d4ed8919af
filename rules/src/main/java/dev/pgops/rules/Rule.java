package dev.pgops.rules;

import dev.pgops.findings.Finding;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

/**
 * A stateless check of a snapshot, described by {@link RuleInfo}. A rule whose inputs are unavailable
 * calls {@link RuleContext#require}, which ends the evaluation as "not evaluated" with the reason.
 */
public interface Rule extends RuleImplementation {
  List<Finding> check(Snapshot snapshot, RuleContext ctx);
}
