package dev.pgops.rules.performance;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import org.junit.jupiter.api.Test;

class LowValueIndexRuleTest {
  private final RuleTester t = RuleTester.of(new LowValueIndexRule());

  private static Snap busyTable() {
    return snap().table("public.events", x -> { x.insertedTuples = 1_000_000; x.updatedTuples = 0; });
  }

  @Test
  void reportsRarelyScannedIndexOnBusyTable() {
    var f = t.findings(busyTable().index("public.events_kind_idx", "events", i -> { i.scans = 50; i.sizeBytes = 50L << 20; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.evidence()).containsEntry("tableWrites", "1000000");
    });
  }

  @Test
  void lowFromWarnSize() {
    var f = t.findings(busyTable().index("public.events_kind_idx", "events", i -> { i.scans = 50; i.sizeBytes = 600L << 20; }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void nothingAtThresholdOrForConstraintOrUnusedOrSmall() {
    var f = t.findings(busyTable()
        .index("public.events_at_ratio", "events", i -> { i.scans = 10_000; i.sizeBytes = 50L << 20; })
        .index("public.events_pkey", "events", i -> { i.scans = 5; i.primary = true; i.unique = true; i.sizeBytes = 50L << 20; })
        .index("public.events_unused", "events", i -> { i.scans = 0; i.sizeBytes = 50L << 20; })
        .index("public.events_small", "events", i -> { i.scans = 5; i.sizeBytes = 1L << 20; }));
    assertThat(f).isEmpty();
  }

  @Test
  void quietTableIgnored() {
    var f = t.findings(snap().table("public.quiet", x -> x.insertedTuples = 10_000)
        .index("public.quiet_idx", "quiet", i -> { i.scans = 1; i.sizeBytes = 50L << 20; }));
    assertThat(f).isEmpty();
  }

  @Test
  void notEvaluatedWithoutTables() {
    assertThat(t.result(busyTable().unavailable("tables", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
