package dev.pgops.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.collect.catalog.SettingsCollector;
import dev.pgops.collect.catalog.TablesCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectOptionsTest {

  @Test
  void defaults() {
    CollectOptions o = CollectOptions.defaults();
    assertThat(o.statementTimeoutMs()).isEqualTo(5000);
    assertThat(o.lockTimeoutMs()).isEqualTo(100);
    assertThat(o.maxSessions()).isEqualTo(50);
    assertThat(o.perCollectorTimeoutMs()).isEmpty();
    assertThat(o.statementsTopN()).isEqualTo(50);
    assertThat(o.statementsRowCap()).isEqualTo(250);
    assertThat(o.queryTextLimit()).isEqualTo(2000);
    assertThat(o.maskQueryText()).isFalse();
  }

  @Test
  void statementOptionsSurviveTheOtherWithers() {
    CollectOptions o = CollectOptions.defaults().withStatementsTop(7, 20).withQueryTextLimit(300).withMaskQueryText(true)
        .withTimeouts(1000, 10).withMaxSessions(3).withToolVersion("x").withCollectorTimeout("statements", 9000);
    assertThat(o.statementsTopN()).isEqualTo(7);
    assertThat(o.statementsRowCap()).isEqualTo(20);
    assertThat(o.queryTextLimit()).isEqualTo(300);
    assertThat(o.maskQueryText()).isTrue();
    assertThatThrownBy(() -> o.withStatementsTop(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> o.withStatementsTop(5, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> o.withQueryTextLimit(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeoutPrecedenceOptionThenCollectorThenSession() {
    CollectOptions o = CollectOptions.defaults().withTimeouts(3000, 50);
    assertThat(o.timeoutFor(new SettingsCollector())).isEqualTo(3000);
    assertThat(o.timeoutFor(new TablesCollector())).isEqualTo(15000);
    CollectOptions custom = o.withCollectorTimeout("tables", 60000).withCollectorTimeout("settings", 1000);
    assertThat(custom.timeoutFor(new TablesCollector())).isEqualTo(60000);
    assertThat(custom.timeoutFor(new SettingsCollector())).isEqualTo(1000);
  }

  @Test
  void everySectionHasExactlyOneCollector() {
    List<String> names = new SnapshotCollector(null).collectors().stream().map(Collector::name).toList();
    assertThat(names).containsExactly("settings", "databases", "tables", "indexes", "constraints", "columns",
        "sequences", "tableBloat", "indexBloat", "activity", "replication", "archiver", "roles", "extensions",
        "statements", "pressure", "control");
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> CollectOptions.defaults().withTimeouts(0, 100)).isInstanceOf(IllegalArgumentException.class);
  }
}
