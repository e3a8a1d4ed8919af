package dev.pgops.rules;

import dev.pgops.findings.Finding;
import java.util.List;

/**
 * The outcome of running the rules on a snapshot: per-rule results, the active findings (sorted, waived
 * ones removed, expired-waiver findings added) and the waived findings with the waiver that covers them.
 */
public record Evaluation(List<RuleResult> results, List<Finding> findings, List<WaivedFinding> waived) {
  public Evaluation {
    results = List.copyOf(results);
    findings = List.copyOf(findings);
    waived = List.copyOf(waived);
  }

  public record WaivedFinding(Finding finding, Waiver waiver) {}
}
