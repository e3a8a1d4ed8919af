package dev.pgops.rules;

import dev.pgops.findings.Finding;
import java.util.List;

/** How one rule went on one snapshot. {@code reason} says why it was not evaluated / errored. */
public record RuleResult(RuleDescriptor rule, Status status, String reason, List<Finding> findings) {
  public enum Status { EVALUATED, NOT_EVALUATED, DISABLED, ERROR }

  public RuleResult {
    findings = List.copyOf(findings == null ? List.of() : findings);
    reason = reason == null ? "" : reason;
  }

  public boolean evaluated() {
    return status == Status.EVALUATED;
  }
}
