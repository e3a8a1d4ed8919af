package dev.pgops.rules.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.RuleEngine;
import dev.pgops.snapshot.Snapshot;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** All plan rules together on each major's recorded workload: problems fire their rules, clean plans fire none. */
class PlanRulesTest {
  private static List<Finding> run(Snapshot s) {
    return new RuleEngine(PlanRules.ALL.stream().map(RuleDescriptor::of).toList()).evaluate(s, PgopsConfig.defaults()).results().stream()
        .flatMap(r -> r.findings().stream()).toList();
  }

  private static List<String> ids(String fixture) {
    return run(PlanFixtures.with(fixture).build()).stream().map(Finding::ruleId).distinct().toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void theRecordedProblemsFireTheirRules(int major) {
    String pg = "pg" + major + "-";
    assertThat(ids(pg + "sort-spill.json")).contains("plan-sort-spill", "plan-temp-spill", "plan-slow-node");
    assertThat(ids(pg + "misestimate.json")).contains("plan-row-misestimate", "plan-seq-scan-selective-filter");
    assertThat(ids(pg + "seq-scan-selective.json")).contains("plan-seq-scan-selective-filter");
    assertThat(ids(pg + "nested-loop.json")).contains("plan-nested-loop-many-loops");
    assertThat(ids(pg + "hash-batches.json")).contains("plan-hash-spill");
    assertThat(ids(pg + "lossy-bitmap.json")).contains("plan-lossy-bitmap");
    assertThat(ids(pg + "workers-not-launched.json")).contains("plan-workers-not-launched");
    assertThat(ids(pg + "sort-spill-plain.json")).containsExactlyInAnyOrder("plan-costly-node", "plan-insufficient-evidence");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 18})
  void cleanPlansFireNothing(int major) {
    var s = PlanFixtures.with("pg" + major + "-clean-pk-lookup.json", "pg" + major + "-clean-join.json").build();
    assertThat(run(s)).isEmpty();
  }
}
