package dev.pgops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bookkeeping for every built-in rule (Checkstyle's AllChecksTest). */
class AllRulesTest {
  private final Checklist checklist = Checklist.builtIn();

  @Test
  void theHealthCheckHasAtLeast45RulesAcrossTheHealthAreas() {
    assertThat(BuiltInRules.ALL).hasSizeGreaterThanOrEqualTo(45);
    assertThat(BuiltInRules.ALL).extracting(RuleDescriptor::area).contains(
        Area.MAINTENANCE, Area.PERFORMANCE, Area.CONNECTIONS, Area.BACKUPS, Area.CONFIGURATION, Area.SECURITY);
  }

  @Test
  void idsAreUniqueKebabCaseAndSummariesOneLine() {
    Set<String> seen = new HashSet<>();
    for (RuleDescriptor r : BuiltInRules.CATALOG) {
      assertThat(r.id()).as("rule id").matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(seen.add(r.id())).as("duplicate id " + r.id()).isTrue();
      for (String alias : r.aliases()) assertThat(seen.add(alias)).as("duplicate alias " + alias).isTrue();
      assertThat(r.summary()).as(r.id() + " summary").isNotBlank().doesNotEndWith(".").doesNotContain("\n");
    }
  }

  @Test
  void everyRuleHasADocWithTheStandardSections() {
    for (RuleDescriptor r : BuiltInRules.CATALOG) {
      assertThat(r.doc()).as(r.id() + ".md").contains("## Problem", "## Why it matters", "## How to fix");
    }
  }

  @Test
  void everyRuleNamesAChecklistItemOfItsOwnArea() {
    for (RuleDescriptor r : BuiltInRules.CATALOG) {
      var item = checklist.item(r.checklistItem());
      assertThat(item).as(r.id() + " checklist item " + r.checklistItem()).isPresent();
      assertThat(item.get().area()).as(r.id() + " area").isEqualTo(r.area());
    }
  }

  @Test
  void everySnapshotRuleHasItsOwnTest() {
    // migration rules are tested by their fixture files (MigrationFixtureTest)
    for (RuleDescriptor r : BuiltInRules.ALL) {
      String test = r.rule().getClass().getName() + "Test";
      try {
        Class.forName(test);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(r.id() + " has no test class " + test);
      }
    }
  }

  @Test
  void everyThresholdHasADescription() {
    for (RuleDescriptor r : BuiltInRules.CATALOG) {
      for (Threshold t : r.thresholds()) assertThat(t.description()).as(r.id() + "." + t.name()).isNotBlank();
    }
  }
}
