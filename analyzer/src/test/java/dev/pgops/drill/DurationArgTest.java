package dev.pgops.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationArgTest {
  @Test
  void readsSecondsUnitsAndIso() {
    assertThat(DurationArg.parse("--rto", "900")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationArg.parse("--rto", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationArg.parse("--rto", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationArg.parse("--rto", "15min")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationArg.parse("--rto", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationArg.parse("--rto", "2d")).isEqualTo(Duration.ofDays(2));
    assertThat(DurationArg.parse("--rto", "PT15M")).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void rejectsWhatIsNotADurationNamingTheOption() {
    for (String bad : new String[] {"", "15x", "m", "-5", "PT-5M", "1.5h"}) {
      assertThatThrownBy(() -> DurationArg.parse("--rto", bad)).as(bad)
          .hasMessage("--rto: '" + bad + "' is not a duration (e.g. 900, 90s, 15m, 1h30m, PT15M)");
    }
  }
}
