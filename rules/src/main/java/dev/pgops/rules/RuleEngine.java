package dev.pgops.rules;

import dev.pgops.findings.Finding;
import dev.pgops.findings.FindingOrder;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.snapshot.Snapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs every enabled rule on a snapshot. A rule that lacks input is "not evaluated"; a rule that throws
 * is recorded as an error with its message; neither stops the others. Waivers are applied last.
 */
public final class RuleEngine {
  public static final String WAIVER_EXPIRED = "waiver-expired";

  private final List<RuleDescriptor> rules;

  public RuleEngine(List<RuleDescriptor> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<RuleDescriptor> rules() {
    return rules;
  }

  public Evaluation evaluate(Snapshot snapshot, PgopsConfig config) {
    List<RuleResult> results = new ArrayList<>();
    List<Finding> all = new ArrayList<>();
    for (RuleDescriptor d : rules) {
      RuleResult r = run(d, snapshot, config);
      results.add(r);
      all.addAll(r.findings());
    }
    LocalDate today = LocalDate.ofInstant(snapshot.meta().collectedAt(), ZoneOffset.UTC);
    List<Finding> active = new ArrayList<>();
    List<Evaluation.WaivedFinding> waived = new ArrayList<>();
    for (Finding f : all) {
      Waiver valid = null;
      for (Waiver w : config.waivers()) {
        if (w.matches(f) && !w.expiredAt(today)) {
          valid = w;
          break;
        }
      }
      if (valid != null) waived.add(new Evaluation.WaivedFinding(f, valid));
      else active.add(f);
    }
    for (Waiver w : config.waivers()) {
      if (w.expiredAt(today)) active.add(expired(w));
    }
    active.sort(FindingOrder.DEFAULT);
    waived.sort((a, b) -> FindingOrder.DEFAULT.compare(a.finding(), b.finding()));
    return new Evaluation(results, active, waived);
  }

  private static RuleResult run(RuleDescriptor d, Snapshot snapshot, PgopsConfig config) {
    if (!config.enabled(d.id())) return new RuleResult(d, RuleResult.Status.DISABLED, "disabled in pgops.yaml", List.of());
    try {
      List<Finding> found = d.snapshotRule().check(snapshot, new RuleContext(d, snapshot, config));
      return new RuleResult(d, RuleResult.Status.EVALUATED, "", found);
    } catch (NotEvaluatedException e) {
      return new RuleResult(d, RuleResult.Status.NOT_EVALUATED, e.getMessage(), List.of());
    } catch (RuntimeException e) {
      return new RuleResult(d, RuleResult.Status.ERROR, "rule failed: " + e, List.of());
    }
  }

  /** An expired waiver is a finding of its own, in the waived rule's area and checklist item. */
  private Finding expired(Waiver w) {
    RuleDescriptor d = rules.stream().filter(r -> r.id().equals(w.rule())).findFirst().orElse(null);
    SortedMap<String, String> evidence = new TreeMap<>();
    evidence.put("waivedRule", w.rule());
    evidence.put("object", w.object());
    evidence.put("owner", w.owner());
    evidence.put("reason", w.reason());
    evidence.put("expired", w.expires().toString());
    return new Finding(WAIVER_EXPIRED, Severity.LOW, d == null ? Area.CONFIGURATION.id() : d.area().id(),
        d == null ? "" : d.checklistItem(), Location.object("waiver", null, w.rule() + " " + w.object()),
        "Waiver for " + w.rule() + " on " + w.object() + " (owner " + w.owner() + ") expired on " + w.expires()
            + "; the finding it covered is active again",
        evidence, "Fix the finding, or renew the waiver in pgops.yaml with a new expiry and reason.", null);
  }
}
