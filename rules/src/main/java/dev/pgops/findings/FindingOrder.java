package dev.pgops.findings;

import java.util.Comparator;

/** The one order every renderer uses: severity, then rule id, then location. */
public final class FindingOrder {
  private FindingOrder() {}

  public static final Comparator<Finding> DEFAULT = Comparator
      .comparing(Finding::severity)
      .thenComparing(Finding::ruleId)
      .thenComparing(f -> f.location() == null ? "" : f.location().key())
      .thenComparing(Finding::message);
}
