package dev.pgops.review;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.migration.MigrationFile;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reviews migration files: puts statements in context ({@link ReviewPlanner}), runs every enabled migration rule,
 * then applies {@code pgops:ignore} directives and reports the ones that are unused or lack a reason. A rule that
 * throws becomes an {@code internal-error} note on the statement instead of stopping the review.
 */
public final class ReviewEngine {
  public static final String UNUSED_IGNORE = "unused-ignore";
  public static final String INVALID_IGNORE = "invalid-ignore";

  private final List<RuleDescriptor> rules;

  public ReviewEngine(List<RuleDescriptor> rules) {
    for (RuleDescriptor d : rules) {
      if (!(d.rule() instanceof MigrationRule)) throw new IllegalArgumentException(d.id() + " is not a migration rule");
    }
    this.rules = List.copyOf(rules);
  }

  public List<RuleDescriptor> rules() {
    return rules;
  }

  public ReviewResult review(List<MigrationFile> input, ReviewFacts facts, ReviewOptions options, PgopsConfig config) {
    ReviewPlanner planner = new ReviewPlanner(options, facts);
    List<ReviewFile> files = planner.plan(input);
    List<ReviewStatement> all = files.stream().flatMap(f -> f.statements().stream()).toList();
    // rules run in parallel (each has its own context; the shared memo is concurrent); their findings are joined
    // in rule order, so the result does not depend on scheduling
    Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
    List<Finding> raw = new ArrayList<>();
    rules.parallelStream()
        .filter(d -> config.enabled(d.id()))
        .map(d -> run(d, files, new ReviewContext(d, facts, options, config, planner.createdAt(), all,
            planner::typeBefore, shared)))
        .toList()
        .forEach(raw::addAll);
    List<Finding> kept = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    applyIgnores(files, raw, kept, suppressed, facts, options, config);
    Map<String, Integer> fileOrder = new HashMap<>();
    for (int i = 0; i < files.size(); i++) fileOrder.putIfAbsent(files.get(i).file(), i);
    Comparator<Finding> order = Comparator
        .comparing((Finding f) -> fileOrder.getOrDefault(((Location.SqlFile) f.location()).file(), 0))
        .thenComparing(f -> ((Location.SqlFile) f.location()).line())
        .thenComparing(f -> ((Location.SqlFile) f.location()).column())
        .thenComparing(Finding::severity)
        .thenComparing(Finding::ruleId);
    kept.sort(order);
    suppressed.sort(order);
    return new ReviewResult(files, kept, suppressed, facts, options);
  }

  private static List<Finding> run(RuleDescriptor d, List<ReviewFile> files, ReviewContext ctx) {
    MigrationRule rule = (MigrationRule) d.rule();
    List<Finding> errors = new ArrayList<>();
    for (ReviewFile f : files) {
      if (f.failed()) continue;
      for (ReviewStatement s : f.statements()) {
        try {
          rule.check(s, ctx);
        } catch (RuntimeException e) {
          errors.add(internalError(d, s, e));
        }
      }
      try {
        rule.checkFile(f, ctx);
      } catch (RuntimeException e) {
        if (!f.statements().isEmpty()) errors.add(internalError(d, f.statements().get(0), e));
      }
    }
    List<Finding> out = new ArrayList<>(errors);
    out.addAll(ctx.findings());
    return out;
  }

  private void applyIgnores(List<ReviewFile> files, List<Finding> raw, List<Finding> kept, List<Finding> suppressed,
      ReviewFacts facts, ReviewOptions options, PgopsConfig config) {
    // statement position → its directives; file → its file-wide directives (with the statement they sit on)
    Map<String, List<IgnoreDirective>> byStatement = new HashMap<>();
    Map<String, List<IgnoreDirective>> byFile = new HashMap<>();
    Map<IgnoreDirective, ReviewStatement> where = new LinkedHashMap<>();
    Set<String> knownIds = new HashSet<>();
    for (RuleDescriptor d : rules) knownIds.add(d.id());
    List<Finding> directiveProblems = new ArrayList<>();
    for (ReviewFile f : files) {
      for (ReviewStatement s : f.statements()) {
        List<String> comments = new ArrayList<>(s.sql().leadingComments());
        comments.addAll(s.sql().trailingComments());
        for (String c : comments) {
          for (IgnoreDirective d : IgnoreDirective.parse(c)) {
            if (!d.hasReason() || d.ruleIds().isEmpty()) {
              directiveProblems.add(directiveFinding(INVALID_IGNORE, s, d, d.ruleIds().isEmpty()
                  ? "pgops:ignore names no rule: write '-- pgops:ignore <rule-id> <reason>'"
                  : "pgops:ignore " + String.join(",", d.ruleIds()) + " has no reason, so it is not applied: "
                      + "add why the risk is accepted after the rule id", config));
              continue;
            }
            where.put(d, s);
            if (d.fileWide()) byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(d);
            else if (s.sql().leadingComments().contains(c)) byStatement.computeIfAbsent(s.sql().position(), k -> new ArrayList<>()).add(d);
          }
        }
      }
    }
    Map<IgnoreDirective, Set<String>> used = new HashMap<>();
    for (Finding fi : raw) {
      Location.SqlFile loc = (Location.SqlFile) fi.location();
      IgnoreDirective hit = find(byStatement.get(loc.position()), fi.ruleId());
      if (hit == null) hit = find(byFile.get(loc.file()), fi.ruleId());
      if (hit == null) {
        kept.add(fi);
      } else {
        used.computeIfAbsent(hit, x -> new HashSet<>()).add(fi.ruleId());
        TreeMap<String, String> ev = new TreeMap<>(fi.evidence());
        ev.put("ignoredBecause", hit.reason());
        suppressed.add(new Finding(fi.ruleId(), fi.severity(), fi.area(), fi.checklistItem(), fi.location(),
            fi.message(), ev, fi.remediation(), fi.fingerprint()));
      }
    }
    for (var e : where.entrySet()) {
      IgnoreDirective d = e.getKey();
      for (String id : d.ruleIds()) {
        if (used.getOrDefault(d, Set.of()).contains(id)) continue;
        String why = knownIds.contains(id)
            ? (d.fileWide() ? "no statement of this file" : "the next statement") + " triggers " + id
            : id + " is not a pgops migration rule";
        directiveProblems.add(directiveFinding(UNUSED_IGNORE, e.getValue(), d,
            "unused pgops:ignore" + (d.fileWide() ? "-file" : "") + " " + id + ": " + why, config));
      }
    }
    kept.addAll(directiveProblems);
  }

  private Finding directiveFinding(String ruleId, ReviewStatement s, IgnoreDirective d, String message,
      PgopsConfig config) {
    RuleDescriptor desc = rules.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
    Severity sev = desc == null ? Severity.LOW : config.severity(ruleId).orElse(desc.severity());
    TreeMap<String, String> ev = new TreeMap<>();
    ev.put("directive", d.text());
    return new Finding(ruleId, sev, "migrations", desc == null ? "MIG-1" : desc.checklistItem(),
        new Location.SqlFile(s.sql().file(), s.sql().line(), s.sql().column()), message, ev,
        "Remove the directive, or name the rule that fires here and say why the risk is accepted.",
        ruleId + "|" + s.sql().file() + "|" + d.text());
  }

  private static IgnoreDirective find(List<IgnoreDirective> ds, String ruleId) {
    if (ds == null) return null;
    for (IgnoreDirective d : ds) if (d.ruleIds().contains(ruleId)) return d;
    return null;
  }

  private static Finding internalError(RuleDescriptor d, ReviewStatement s, RuntimeException e) {
    TreeMap<String, String> ev = new TreeMap<>();
    ev.put("exception", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    return new Finding(d.id(), Severity.INFO, d.area().id(), d.checklistItem(),
        new Location.SqlFile(s.sql().file(), s.sql().line(), s.sql().column()),
        "rule " + d.id() + " failed on this statement (please report): " + ev.get("exception"), ev, "", null);
  }
}
