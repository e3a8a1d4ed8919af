package dev.pgops.rules;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.rules.performance.UnusedIndexRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {
  private final Checklist checklist = Checklist.parse("""
      ## Performance
      - **PRF-1** Indexes earn their cost?
      - **PRF-2** No duplicates?
      """);
  private final RuleEngine engine = new RuleEngine(List.of(RuleDescriptor.of(new UnusedIndexRule())));

  private Scorecard.ItemScore item(Scorecard s, String id) {
    return s.items().stream().filter(i -> i.item().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void failingItemLowersTheAreaScoreAndItemsWithoutRulesAreNotEvaluated() {
    var ev = engine.evaluate(snap().index("public.a_idx", "a", i -> { i.scans = 0; i.sizeBytes = 200L << 20; }).build(),
        PgopsConfig.defaults());
    Scorecard s = Scorecard.of(checklist, ev);
    assertThat(item(s, "PRF-1").state()).isEqualTo(Scorecard.State.FAIL);
    assertThat(item(s, "PRF-2").state()).isEqualTo(Scorecard.State.NOT_EVALUATED);
    assertThat(item(s, "PRF-2").reasons()).containsExactly("no rule in this check gives evidence for this item");
    assertThat(s.areas()).singleElement().satisfies(a -> {
      assertThat(a.score()).isEqualTo(50); // one evaluated item, failing at MEDIUM
      assertThat(a.notEvaluated()).isEqualTo(1);
    });
  }

  @Test
  void notEvaluatedNeverCountsAsPass() {
    var ev = engine.evaluate(snap().unavailable("indexes", "permission denied").build(), PgopsConfig.defaults());
    Scorecard s = Scorecard.of(checklist, ev);
    assertThat(item(s, "PRF-1").state()).isEqualTo(Scorecard.State.NOT_EVALUATED);
    assertThat(item(s, "PRF-1").reasons()).singleElement().asString().contains("permission denied");
    assertThat(s.areas().get(0).score()).isNull();
  }

  @Test
  void cleanSnapshotPasses() {
    Scorecard s = Scorecard.of(checklist, engine.evaluate(snap().build(), PgopsConfig.defaults()));
    assertThat(item(s, "PRF-1").state()).isEqualTo(Scorecard.State.PASS);
    assertThat(s.areas().get(0).score()).isEqualTo(100);
  }
}
