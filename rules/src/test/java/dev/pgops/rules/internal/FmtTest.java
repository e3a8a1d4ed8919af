package dev.pgops.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FmtTest {
  @Test
  void percentsRoundToNearestOrDown() {
    assertThat(Fmt.pct(0.4123)).isEqualTo("41 %");
    assertThat(Fmt.pct(400_000_000.0 / (1L << 31))).isEqualTo("19 %");
    assertThat(Fmt.pct(0.005)).isEqualTo("0.5 %");
    assertThat(Fmt.pct(0)).isEqualTo("0 %");
    assertThat(Fmt.pctDown(1_200_000_000.0 / Integer.MAX_VALUE)).isEqualTo("55 %");
    assertThat(Fmt.pctDown(0.9896)).isEqualTo("98 %");
    assertThat(Fmt.pctDown(0.57)).isEqualTo("57 %");
    assertThat(Fmt.pctDown(0.0049)).isEqualTo("0.4 %");
    assertThat(Fmt.pctDown(0.5)).isEqualTo("50 %");
  }

  @Test
  void countsAndPlainNumbers() {
    assertThat(Fmt.count(1_200_000_000L)).isEqualTo("1.2 B");
    assertThat(Fmt.count(400_000_000L)).isEqualTo("400 M");
    assertThat(Fmt.count(2_100_000L)).isEqualTo("2.1 M");
    assertThat(Fmt.count(50_000_000L)).isEqualTo("50.0 M");
    assertThat(Fmt.count(41_000L)).isEqualTo("41 k");
    assertThat(Fmt.count(950L)).isEqualTo("950");
    assertThat(Fmt.plain(300_000_000d)).isEqualTo("300000000");
    assertThat(Fmt.plain(0.1)).isEqualTo("0.1");
    assertThat(Fmt.num(3.14159)).isEqualTo("3.14");
    assertThat(Fmt.num(812.4)).isEqualTo("812");
  }

  @Test
  void agesAndInstants() {
    assertThat(Fmt.age(90_000)).isEqualTo("1 d 1 h");
    assertThat(Fmt.when(null)).isEqualTo("never");
    assertThat(Fmt.when(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05Z");
  }
}
