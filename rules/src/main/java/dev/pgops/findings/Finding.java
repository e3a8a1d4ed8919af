package dev.pgops.findings;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One problem a rule found. {@code evidence} holds the figures that prove it (values as text, sorted by
 * key); {@code remediation} is what to do, often SQL; {@code fingerprint} identifies the same problem
 * across runs (rule + object, no numbers), for waivers and diffs.
 */
public record Finding(
    String ruleId, Severity severity, String area, String checklistItem, Location location,
    String message, SortedMap<String, String> evidence, String remediation, String fingerprint) {

  public Finding {
    evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence == null ? Map.of() : evidence));
    remediation = remediation == null ? "" : remediation;
    if (fingerprint == null) fingerprint = Fingerprint.of(ruleId, location);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(ruleId, s, area, checklistItem, location, message, evidence, remediation, fingerprint);
  }
}
