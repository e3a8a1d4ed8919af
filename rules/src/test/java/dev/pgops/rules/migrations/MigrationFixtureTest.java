package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.review.ReviewResult;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.RuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every migration rule's fixtures, checked both ways: every marker hit, no unmarked hit of a checked rule. */
class MigrationFixtureTest {

  @TestFactory
  Stream<DynamicTest> fixtures() {
    return MigrationFixtures.all().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path fixture) throws Exception {
    ReviewResult r = MigrationFixtures.review(fixture);
    assertThat(r.failedFiles()).as("fixture reads").isEmpty();
    Map<String, List<String>> expected = MigrationFixtures.expectations(r);
    Set<String> checked = new HashSet<>();
    checked.add(MigrationFixtures.ruleOf(fixture));
    expected.values().forEach(checked::addAll);
    List<String> problems = new ArrayList<>();
    Set<String> hit = new HashSet<>();
    for (Finding f : r.findings()) {
      if (!checked.contains(f.ruleId())) continue;
      String pos = MigrationFixtures.position(f);
      if (expected.getOrDefault(pos, List.of()).contains(f.ruleId())) hit.add(pos + " " + f.ruleId());
      else problems.add("unexpected " + f.ruleId() + " at line " + pos + ": " + f.message());
    }
    for (var e : expected.entrySet()) {
      for (String id : e.getValue()) {
        if (!hit.contains(e.getKey() + " " + id)) problems.add("expected " + id + " at line " + e.getKey() + " was not reported");
      }
    }
    assertThat(problems).as(fixture.getFileName().toString()).isEmpty();
  }

  @Test
  void everyMigrationRuleHasAFixtureWithAHitAndAStatementWithout() throws Exception {
    List<String> missing = new ArrayList<>();
    for (RuleDescriptor d : BuiltInRules.MIGRATION) {
      boolean positive = false;
      boolean negative = false;
      for (Path p : MigrationFixtures.all()) {
        if (!MigrationFixtures.ruleOf(p).equals(d.id())) continue;
        ReviewResult r = MigrationFixtures.review(p);
        Map<String, List<String>> ex = MigrationFixtures.expectations(r);
        int statements = r.statementCount();
        long marked = ex.values().stream().filter(l -> l.contains(d.id())).count();
        positive |= marked > 0;
        negative |= statements > marked;
      }
      if (!positive || !negative) missing.add(d.id() + (positive ? " (no negative case)" : " (no positive case)"));
    }
    assertThat(missing).as("rules without a two-way fixture").isEmpty();
  }

  @Test
  void thereAreAtLeast40MigrationRules() {
    assertThat(BuiltInRules.MIGRATION).hasSizeGreaterThanOrEqualTo(40);
  }
}
