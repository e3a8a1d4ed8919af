package dev.pgops.rules.maintenance;

import static dev.pgops.rules.testing.MaintenanceFixtures.slot;
import static dev.pgops.rules.testing.MaintenanceFixtures.slots;
import static dev.pgops.rules.testing.MaintenanceFixtures.xminSession;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class XminHorizonHeldRuleTest {
  private final RuleTester t = RuleTester.of(new XminHorizonHeldRule());

  @Test
  void namesTheSessionHoldingTheHorizon() {
    var f = t.findings(snap().activity(a -> {
      a.oldestBackendXminAge = 20_000_000;
      a.sessions.add(xminSession(101, "app", "web", 1_000, 60));
      a.sessions.add(xminSession(4242, "report", "etl", 20_000_000, 7200));
    }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.location()).isEqualTo(Location.object("session", null, "pid 4242"));
      assertThat(x.message()).contains("pid 4242", "report", "etl", "20.0 M");
      assertThat(x.remediation()).contains("pg_terminate_backend(4242)");
    });
  }

  @Test
  void quietAtTheThresholdAndForYoungSlots() {
    var f = t.findings(snap()
        .activity(a -> a.oldestBackendXminAge = 10_000_000)
        .replication(slots(slot("standby1", true, 9_000_000L, null))));
    assertThat(f).isEmpty();
  }

  @Test
  void highAboveOneHundredMillionEvenWhenTheHolderWasNotCollected() {
    var f = t.findings(snap().activity(a -> a.oldestBackendXminAge = 150_000_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.location()).isEqualTo(Location.server());
    });
  }

  @Test
  void reportsSlotsHoldingXminOrCatalogXmin() {
    var f = t.findings(snap().replication(slots(
        slot("old_standby", false, 50_000_000L, null),
        slot("it's_logical", true, null, 12_000_000L))));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).location()).isEqualTo(Location.object("slot", null, "old_standby"));
    assertThat(f.get(0).remediation()).contains("pg_drop_replication_slot('old_standby')");
    assertThat(f.get(1).message()).contains("catalog_xmin");
  }

  @Test
  void slotsAreSkippedWhenReplicationWasNotCollected() {
    assertThat(t.findings(snap().unavailable("replication", "permission denied"))).isEmpty();
  }

  @Test
  void notEvaluatedWithoutActivity() {
    assertThat(t.result(snap().unavailable("activity", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
