package dev.pgops.rules;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Checklist items scored from an evaluation. An item fails when any of its rules has an active finding
 * above INFO; passes only when every one of its enabled rules was evaluated; otherwise it is not
 * evaluated, with the reasons. An area's score (0–100) is over its evaluated items only, with partial
 * credit by the worst severity of a failing item; "not evaluated" never counts as a pass, and an area
 * with nothing evaluated has no score.
 */
public record Scorecard(List<ItemScore> items, List<AreaScore> areas) {

  public enum State { PASS, FAIL, NOT_EVALUATED }

  public record ItemScore(ChecklistItem item, State state, List<String> rules, List<String> reasons,
                          int findings, Severity worst) {
    public ItemScore {
      rules = List.copyOf(rules);
      reasons = List.copyOf(reasons);
    }
  }

  /** {@code score} is null when nothing in the area was evaluated. */
  public record AreaScore(Area area, Integer score, int pass, int fail, int notEvaluated) {}

  public Scorecard {
    items = List.copyOf(items);
    areas = List.copyOf(areas);
  }

  public static Scorecard of(Checklist checklist, Evaluation evaluation) {
    List<ItemScore> items = new ArrayList<>();
    for (ChecklistItem item : checklist.items()) items.add(score(item, evaluation));
    List<AreaScore> areas = new ArrayList<>();
    for (Area area : Area.values()) {
      List<ItemScore> in = items.stream().filter(i -> i.item().area() == area).toList();
      if (in.isEmpty()) continue;
      int pass = 0, fail = 0, ne = 0;
      double credit = 0;
      for (ItemScore i : in) {
        switch (i.state()) {
          case PASS -> { pass++; credit += 1; }
          case FAIL -> { fail++; credit += credit(i.worst()); }
          case NOT_EVALUATED -> ne++;
        }
      }
      Integer score = pass + fail == 0 ? null : (int) Math.round(100 * credit / (pass + fail));
      areas.add(new AreaScore(area, score, pass, fail, ne));
    }
    return new Scorecard(items, areas);
  }

  private static ItemScore score(ChecklistItem item, Evaluation ev) {
    List<String> rules = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    boolean allEvaluated = true;
    boolean anyEnabled = false;
    for (RuleResult r : ev.results()) {
      if (!r.rule().checklistItem().equals(item.id())) continue;
      rules.add(r.rule().id());
      switch (r.status()) {
        case EVALUATED -> anyEnabled = true;
        case DISABLED -> { }
        case NOT_EVALUATED, ERROR -> {
          anyEnabled = true;
          allEvaluated = false;
          reasons.add(r.rule().id() + ": " + r.reason());
        }
      }
    }
    int count = 0;
    Severity worst = null;
    for (Finding f : ev.findings()) {
      if (!item.id().equals(f.checklistItem()) || f.severity() == Severity.INFO) continue;
      count++;
      if (worst == null || f.severity().atLeast(worst)) worst = f.severity();
    }
    State state;
    if (count > 0) state = State.FAIL;
    else if (!anyEnabled) {
      state = State.NOT_EVALUATED;
      reasons.add(rules.isEmpty() ? "no rule in this check gives evidence for this item" : "all its rules are disabled");
    } else state = allEvaluated ? State.PASS : State.NOT_EVALUATED;
    return new ItemScore(item, state, rules, reasons, count, worst);
  }

  private static double credit(Severity worst) {
    return switch (worst) {
      case CRITICAL -> 0;
      case HIGH -> 0.25;
      case MEDIUM -> 0.5;
      case LOW, INFO -> 0.75;
    };
  }
}
