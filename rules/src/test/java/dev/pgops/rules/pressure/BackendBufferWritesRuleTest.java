package dev.pgops.rules.pressure;

import static dev.pgops.rules.testing.Snap.snap;
import static dev.pgops.rules.testing.StatementFixtures.io;
import static dev.pgops.rules.testing.StatementFixtures.pressure;
import static dev.pgops.rules.testing.StatementFixtures.wal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.rules.testing.Snap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendBufferWritesRuleTest {
  private final RuleTester t = RuleTester.of(new BackendBufferWritesRule());

  @Test
  void beforePg16ReadsBuffersBackend() {
    var f = t.findings(snap().version(150004).pressure(pressure(p -> {
      p.buffersCheckpoint = 40_000; p.buffersClean = 20_000; p.buffersBackend = 40_000L; })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW);
      assertThat(x.message()).contains("40 % of all buffer writes").contains("buffers_backend");
    });
  }

  @Test
  void pg16ReadsPgStatIoNormalContextOnly() {
    var f = t.findings(snap().version(170002).pressure(pressure(p -> {
      p.buffersBackend = null; p.buffersBackendFsync = null;
      p.io.add(io("checkpointer", "normal", 50_000));
      p.io.add(io("background writer", "normal", 10_000));
      p.io.add(io("client backend", "normal", 35_000));
      p.io.add(io("autovacuum worker", "normal", 5_000));
      p.io.add(io("client backend", "bulkwrite", 900_000));
    })));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("40 % of all buffer writes themselves (40 k of 100 k").contains("pg_stat_io");
      assertThat(x.evidence()).containsEntry("backendWrites", "40000").containsEntry("allWrites", "100000");
    });
  }

  @Test
  void pgStatIoWinsOverBuffersBackendOnPg16() {
    // PG16 has both: pg_stat_io says 20 %, buffers_backend would say 80 %
    var f = t.findings(snap().version(160004).pressure(pressure(p -> {
      p.buffersCheckpoint = 10_000; p.buffersClean = 10_000; p.buffersBackend = 80_000L;
      p.io.add(io("checkpointer", "normal", 80_000));
      p.io.add(io("client backend", "normal", 20_000));
    })));
    assertThat(f).isEmpty();
  }

  @Test
  void thirtyPercentOrFewWritesAreNotReported() {
    assertThat(t.findings(snap().version(150004).pressure(pressure(p -> {
      p.buffersCheckpoint = 50_000; p.buffersClean = 20_000; p.buffersBackend = 30_000L; })))).isEmpty();
    assertThat(t.findings(snap().version(150004).pressure(pressure(p -> {
      p.buffersCheckpoint = 100; p.buffersClean = 0; p.buffersBackend = 9_000L; })))).isEmpty();
  }

  @Test
  void notEvaluatedWithNeitherSource() {
    RuleResult r = t.result(snap().pressure(pressure(p -> { p.buffersBackend = null; })));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
    assertThat(r.reason()).contains("pg_stat_io");
  }
}
