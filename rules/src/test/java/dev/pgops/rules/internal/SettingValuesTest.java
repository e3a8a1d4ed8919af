package dev.pgops.rules.internal;

import static dev.pgops.rules.testing.OpsFixtures.setting;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingValuesTest {
  @Test
  void convertsSizesTimesAndBooleans() {
    assertThat(SettingValues.bytes(setting("shared_buffers", "16384", "8kB", "default", false))).hasValue(128L << 20);
    assertThat(SettingValues.bytes(setting("work_mem", "4096", "kB", "default", false))).hasValue(4L << 20);
    assertThat(SettingValues.bytes(setting("max_slot_wal_keep_size", "-1", "MB", "default", false))).hasValue(-1);
    assertThat(SettingValues.bytes(setting("max_wal_size", "1024", "MB", "default", false))).hasValue(1L << 30);
    assertThat(SettingValues.millis(setting("archive_timeout", "60", "s", "default", false))).hasValue(60_000);
    assertThat(SettingValues.millis(setting("x", "2", "min", "default", false))).hasValue(120_000);
    assertThat(SettingValues.millis(setting("x", "0", "ms", "default", false))).hasValue(0);
    assertThat(SettingValues.bool(setting("fsync", "on", null, "default", false))).contains(true);
    assertThat(SettingValues.bool(setting("fsync", "off", null, "default", false))).contains(false);
    assertThat(SettingValues.bool(setting("x", "maybe", null, "default", false))).isEmpty();
    assertThat(SettingValues.bytes(setting("x", "10", "ms", "default", false))).isEmpty();
  }

  @Test
  void readsBooleansAsPostgresqlDoes() {
    for (String t : new String[] {"on", "ON", "true", "t", "tr", "yes", "y", "1", " On "}) {
      assertThat(SettingValues.bool(t)).as(t).contains(true);
    }
    for (String f : new String[] {"off", "of", "false", "f", "fa", "no", "n", "0", "OFF"}) {
      assertThat(SettingValues.bool(f)).as(f).contains(false);
      assertThat(SettingValues.isFalse(f)).as(f).isTrue();
    }
    for (String x : new String[] {"o", "", "2", "always", "local", "nope", "offf"}) {
      assertThat(SettingValues.bool(x)).as(x).isEmpty();
    }
    assertThat(SettingValues.isFalse((String) null)).isFalse();
    assertThat(SettingValues.decimal(setting("autovacuum_vacuum_scale_factor", "0.2", null, "default", false)))
        .hasValue(0.2);
  }
}
