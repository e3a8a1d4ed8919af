package dev.pgops.rules;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.performance.UnusedIndexRule;
import dev.pgops.rules.testing.Snap;
import dev.pgops.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

  @RuleInfo(id = "always-throws", area = Area.MAINTENANCE, checklist = "MNT-1", severity = Severity.HIGH, summary = "Throws")
  static final class ThrowingRule implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      throw new IllegalStateException("boom");
    }
  }

  private final RuleEngine engine = new RuleEngine(List.of(
      RuleDescriptor.of(new UnusedIndexRule()), RuleDescriptor.of(new ThrowingRule())));

  private Snap unusedIndexes() {
    return snap()
        .index("public.a_idx", "a", i -> { i.scans = 0; i.sizeBytes = 200L << 20; })
        .index("public.b_idx", "b", i -> { i.scans = 0; i.sizeBytes = 200L << 20; });
  }

  @Test
  void aThrowingRuleIsRecordedAsErrorAndDoesNotStopOthers() {
    Evaluation ev = engine.evaluate(unusedIndexes().build(), PgopsConfig.defaults());
    assertThat(ev.results()).extracting(r -> r.rule().id() + ":" + r.status())
        .containsExactly("unused-index:EVALUATED", "always-throws:ERROR");
    assertThat(ev.results().get(1).reason()).contains("boom");
    assertThat(ev.findings()).hasSize(2);
  }

  @Test
  void disabledRuleDoesNotRunAndSeverityOverrideApplies() {
    var cfg = new PgopsConfig(Map.of(
        "always-throws", new PgopsConfig.RuleSettings(false, null, Map.of()),
        "unused-index", new PgopsConfig.RuleSettings(null, Severity.HIGH, Map.of())), List.of(), 7);
    Evaluation ev = engine.evaluate(unusedIndexes().build(), cfg);
    assertThat(ev.results().get(1).status()).isEqualTo(RuleResult.Status.DISABLED);
    assertThat(ev.findings()).extracting(Finding::severity).containsOnly(Severity.HIGH);
  }

  @Test
  void validWaiverMovesFindingToWaivedAndExpiredWaiverIsAFinding() {
    var valid = new Waiver("unused-index", "public.a_idx", "yearly batch", "alice", LocalDate.parse("2027-01-31"));
    var expired = new Waiver("unused-index", "public.b_*", "old", "bob", LocalDate.parse("2026-10-01"));
    Evaluation ev = engine.evaluate(unusedIndexes().build(), new PgopsConfig(Map.of(), List.of(valid, expired), 7));
    assertThat(ev.waived()).singleElement().satisfies(w -> {
      assertThat(w.waiver()).isEqualTo(valid);
      assertThat(((Location.DbObject) w.finding().location()).qualifiedName()).isEqualTo("public.a_idx");
    });
    assertThat(ev.findings()).extracting(Finding::ruleId).containsExactly("unused-index", RuleEngine.WAIVER_EXPIRED);
    Finding exp = ev.findings().get(1);
    assertThat(exp.message()).contains("bob", "2026-10-01");
    assertThat(exp.checklistItem()).isEqualTo("PRF-1");
  }

  @Test
  void fingerprintIgnoresFiguresAndMessage() {
    var one = engine.evaluate(snap().index("public.a_idx", "a", i -> { i.scans = 0; i.sizeBytes = 200L << 20; }).build(), PgopsConfig.defaults());
    var two = engine.evaluate(snap().index("public.a_idx", "a", i -> { i.scans = 0; i.sizeBytes = 300L << 20; }).build(), PgopsConfig.defaults());
    assertThat(one.findings().get(0).fingerprint()).isEqualTo(two.findings().get(0).fingerprint());
    assertThat(one.findings().get(0).message()).isNotEqualTo(two.findings().get(0).message());
  }
}
