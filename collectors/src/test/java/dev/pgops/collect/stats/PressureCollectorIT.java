package dev.pgops.collect.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.testing.EmbeddedPg;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Instance pressure on every major, with the nulls each version implies. */
class PressureCollectorIT {

  @ParameterizedTest(name = "PG {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void collectedWithTheVersionsNulls(int major) throws InterruptedException {
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      pg.exec("postgres", "CREATE TABLE w AS SELECT g FROM generate_series(1, 50000) g; CHECKPOINT");
      // the writing session has disconnected (flushing its stats); before 15 the stats collector
      // publishes asynchronously, so wait until the checkpoint is visible
      SnapshotCollector.Outcome<InstancePressure> o = collect(pg);
      for (int i = 0; i < 40 && !visible(o, major); i++) {
        Thread.sleep(250);
        o = collect(pg);
      }
      assertThat(o.run().status()).as(o.run().reason()).isEqualTo(CollectorRun.Status.OK);
      InstancePressure p = o.section().collected().orElseThrow();

      assertThat(p.checkpoints().requested()).isPositive(); // the CHECKPOINT above
      assertThat(p.checkpoints().timed()).isNotNegative();
      assertThat(p.checkpoints().done() == null).isEqualTo(major < 18);
      if (major >= 18) assertThat(p.checkpoints().done()).isPositive();
      assertThat(p.checkpoints().statsReset() != null || major >= 17).isTrue();
      assertThat(p.bgwriter().buffersAlloc()).isPositive();
      assertThat(p.bgwriter().buffersBackend() == null).isEqualTo(major >= 17);
      assertThat(p.bgwriter().buffersBackendFsync() == null).isEqualTo(major >= 17);

      if (major < 14) {
        assertThat(p.wal()).isNull();
      } else {
        assertThat(p.wal()).isNotNull();
        assertThat(p.wal().records()).isPositive();
        assertThat(p.wal().bytes()).isPositive();
      }
      if (major < 16) {
        assertThat(p.io()).isEmpty();
      } else {
        assertThat(p.io()).isNotEmpty().anySatisfy(r -> {
          assertThat(r.backendType()).isEqualTo("client backend");
          assertThat(r.object()).isEqualTo("relation");
          assertThat(r.hits()).isPositive();
        });
      }
      // bgwriter + checkpoints, then wal (14+) and io (16+): one per view whatever the objects
      int expected = 1 + 2 + (major >= 14 ? 1 : 0) + (major >= 16 ? 1 : 0); // 1 = server version
      assertThat(o.run().statements()).isEqualTo(expected);
    }
  }

  private static SnapshotCollector.Outcome<InstancePressure> collect(EmbeddedPg pg) {
    try (PgSession s = PgSession.open(ConnectionSpec.resolve(pg.uri("postgres", null, "postgres"), Map.of(), null))) {
      return SnapshotCollector.runOne(s, new PressureCollector(), s.statementTimeoutMs());
    }
  }

  private static boolean visible(SnapshotCollector.Outcome<InstancePressure> o, int major) {
    return o.section().collected()
        // the background writer publishes buffers_alloc on its own schedule (bgwriter_delay), so wait for it too
        .map(p -> p.checkpoints().requested() > 0 && p.bgwriter().buffersAlloc() > 0
            && (p.wal() == null || p.wal().records() > 0)
            && (major < 16 || !p.io().isEmpty()))
        .orElse(true);
  }
}
