package dev.pgops.cli;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import java.util.List;

/** Exit codes from product.md: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 runtime error. */
public enum ExitCode {
  OK(0), FINDINGS(1), USAGE(2), RUNTIME(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** FINDINGS when any finding is at least {@code failOn}; OK when failOn is null. */
  public static ExitCode of(List<Finding> findings, Severity failOn) {
    if (failOn == null) return OK;
    return findings.stream().anyMatch(f -> f.severity().atLeast(failOn)) ? FINDINGS : OK;
  }
}
