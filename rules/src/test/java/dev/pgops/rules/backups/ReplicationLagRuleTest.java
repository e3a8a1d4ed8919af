package dev.pgops.rules.backups;

import static dev.pgops.rules.testing.OpsFixtures.primary;
import static dev.pgops.rules.testing.OpsFixtures.standby;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.Replication;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationLagRuleTest {
  private final RuleTester t = RuleTester.of(new ReplicationLagRule());

  @Test
  void lagEscalatesBySecondsAndBytes() {
    var f = t.findings(snap().replication(primary(List.of(
        standby("s1", 1 << 20, 45.0),
        standby("s2", 2L << 30, 1.0),
        standby("s3", 150L << 20, null),
        standby("s4", 1 << 20, 400.0)), List.of())));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity()).containsExactly(
        "server:s1@10.0.0.2=MEDIUM", "server:s2@10.0.0.2=HIGH", "server:s3@10.0.0.2=MEDIUM", "server:s4@10.0.0.2=HIGH");
    assertThat(f.get(0).message()).contains("Standby s1", "45 s");
  }

  @Test
  void justBelowThresholdsAndBaseBackupsAreFine() {
    var backup = new Replication.Standby("pg_basebackup", "10.0.0.9", "backup", "async", 5L << 30, null, null, null);
    assertThat(t.findings(snap().replication(primary(List.of(standby("s1", 100L << 20, 30.0), backup), List.of())))).isEmpty();
  }

  @Test
  void standbyReplayDelayMentionsIdlePrimary() {
    var f = t.findings(snap().inRecovery(true).replication(new Replication(true, 600L, List.of(), List.of())));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("10 min", "idleness");
    });
    assertThat(t.findings(snap().inRecovery(true).replication(new Replication(true, 299L, List.of(), List.of())))).isEmpty();
  }

  @Test
  void notEvaluatedWhenReplicationUnavailable() {
    RuleResult r = t.result(snap().unavailable("replication", "permission denied"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
