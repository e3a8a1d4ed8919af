package dev.pgops.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PgSessionTest {

  @Test
  void markerIsPrependedOnce() {
    assertThat(PgSession.mark("SELECT 1")).isEqualTo("/* pgops */ SELECT 1");
    assertThat(PgSession.mark("  \n SELECT 1")).isEqualTo("/* pgops */ SELECT 1");
    assertThat(PgSession.mark("/* pgops */ SELECT 1")).isEqualTo("/* pgops */ SELECT 1");
  }

  @Test
  void oneLineCollapsesAndCaps() {
    assertThat(PgSession.oneLine("ERROR: x\n  Detail: y")).isEqualTo("ERROR: x Detail: y");
    assertThat(PgSession.oneLine(null)).isEqualTo("unknown error");
    assertThat(PgSession.oneLine("a".repeat(500))).hasSize(301);
  }

  @Test
  void connectionFailureNamesTheTargetButNotThePassword() {
    ConnectionSpec spec = ConnectionSpec.resolve("postgresql://alice:hunter2-xyz@127.0.0.1:1/app", Map.of(), null);
    assertThatThrownBy(() -> PgSession.open(spec))
        .isInstanceOf(CollectException.class)
        .hasMessageStartingWith("cannot connect to postgresql://alice@127.0.0.1:1/app: ")
        .hasMessageNotContaining("hunter2-xyz")
        .hasNoCause();
  }
}
