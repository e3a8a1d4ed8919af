package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.slot;
import static dev.pgops.rules.testing.OpsFixtures.slots;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.Replication;
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
  void aboutToLoseItsWalIsHighEvenWhenSmall() {
    var safeSmall = new Replication.Slot("near", "physical", null, null, false, false, "extended", 100L << 20,
        50L << 20, null, null);
    var f = t.findings(snap().setting("max_slot_wal_keep_size", "1024", "MB").replication(slots(
        slot("standby1", true, "unreserved", 200L << 20),
        slot("idle", false, "unreserved", 200L << 20),
        safeSmall)));
    // the inactive unreserved slot is replication-slot-inactive's
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity())
        .containsExactly("slot:standby1=HIGH", "slot:near=HIGH");
    assertThat(f.get(0).message()).contains("wal_status unreserved", "removed at the next checkpoint");
    assertThat(f.get(1).message()).contains("only 50.0 MB more WAL can be written before the slot is invalidated");
  }

  @Test
  void aLostSlotWithAConsumerStillAttachedIsCritical() {
    assertThat(t.findings(snap().replication(slots(slot("walreceiver", true, "lost", 0)))))
        .singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(x.message()).contains("is lost but still has a consumer connected");
          assertThat(x.remediation()).contains("SELECT pg_drop_replication_slot('walreceiver');");
        });
  }

  @Test
  void notEvaluatedWhenReplicationUnavailable() {
    RuleResult r = t.result(snap().unavailable("replication", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
