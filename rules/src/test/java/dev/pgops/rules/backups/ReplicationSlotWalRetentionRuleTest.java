package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.slot;
import static dev.pgops.rules.testing.OpsFixtures.slots;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ReplicationSlotWalRetentionRuleTest {
  private final RuleTester t = RuleTester.of(new ReplicationSlotWalRetentionRule());

  @Test
  void oneGibIsMediumFiveGibIsHigh() {
    var f = t.findings(snap().setting("max_slot_wal_keep_size", "-1", "MB").replication(slots(
        slot("a", true, "reserved", 1L << 30),
        slot("b", true, "extended", 5L << 30))));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactly("slot:a=MEDIUM", "slot:b=HIGH");
    assertThat(f.get(0).message()).contains("1.0 GB", "no max_slot_wal_keep_size cap");
  }

  @Test
  void highNearMaxSlotWalKeepSize() {
    // 2 GiB of a 2.2 GiB cap = 91 %
    var f = t.findings(snap().setting("max_slot_wal_keep_size", "2253", "MB").replication(slots(slot("a", true, "extended", 2L << 30))));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("91 % of max_slot_wal_keep_size");
    });
  }

  @Test
  void justBelowOneGibAndLostSlotsAreNotReported() {
    assertThat(t.findings(snap().replication(slots(slot("a", true, "reserved", (1L << 30) - 1),
        slot("gone", false, "lost", 8L << 30))))).isEmpty();
  }

  @Test
  void notEvaluatedWhenReplicationUnavailable() {
    RuleResult r = t.result(snap().unavailable("replication", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
