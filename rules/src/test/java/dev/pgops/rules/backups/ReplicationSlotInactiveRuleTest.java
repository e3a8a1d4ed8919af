package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.logicalSlot;
import static dev.pgops.rules.testing.OpsFixtures.slot;
import static dev.pgops.rules.testing.OpsFixtures.slots;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.Replication;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationSlotInactiveRuleTest {
  private final RuleTester t = RuleTester.of(new ReplicationSlotInactiveRule());

  @Test
  void inactiveSlotIsMediumWithDropRemediation() {
    var f = t.findings(snap().replication(slots(slot("old'replica", false, "reserved", 200L << 20))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("old'replica", "inactive", "200 MB");
      assertThat(x.remediation()).contains("SELECT pg_drop_replication_slot('old''replica');");
    });
  }

  @Test
  void escalatesOnRetentionUnreservedOrLost() {
    var f = t.findings(snap().replication(slots(
        slot("big", false, "extended", 6L << 30),
        slot("unres", false, "unreserved", 1L << 20),
        slot("gone", false, "lost", 0),
        slot("justunder", false, "reserved", 5L << 30))));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity())
        .containsExactly("slot:big=HIGH", "slot:unres=HIGH", "slot:gone=HIGH", "slot:justunder=MEDIUM");
    assertThat(f.get(2).message()).contains("lost", "useless");
  }

  @Test
  void activeAndTemporarySlotsAreFine() {
    var temp = new Replication.Slot("tmp", "physical", null, null, false, true, "reserved", 0, null, null, null);
    assertThat(t.findings(snap().replication(slots(slot("live", true, "reserved", 10L << 30), temp)))).isEmpty();
  }

  @Test
  void logicalSlotOnPg17StandbyIsOnlyInfo() {
    var f = t.findings(snap().inRecovery(true)
        .replication(new Replication(true, 10L, List.of(), List.of(logicalSlot("sub", false, 1L << 20)))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("failover slot", "vacuum");
    });
  }

  @Test
  void notEvaluatedWhenReplicationUnavailable() {
    RuleResult r = t.result(snap().unavailable("replication", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
