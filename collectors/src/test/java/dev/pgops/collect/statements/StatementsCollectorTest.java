package dev.pgops.collect.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementsCollectorTest {

  @Test
  void textsAreMaskedOnlyWhenAskedUnlessTheyMentionAPassword() {
    assertThat(StatementsCollector.clean("SET work_mem = '64kB'", false)).isEqualTo("SET work_mem = '64kB'");
    assertThat(StatementsCollector.clean("SET work_mem = '64kB'", true)).isEqualTo("SET work_mem = ?");
    assertThat(StatementsCollector.clean("CREATE ROLE mon LOGIN PASSWORD 'secret-pw'", false))
        .isEqualTo("CREATE ROLE mon LOGIN PASSWORD ?");
    assertThat(StatementsCollector.clean("ALTER USER MAPPING FOR u SERVER s OPTIONS (SET Password 'x')", false))
        .doesNotContain("'x'");
    assertThat(StatementsCollector.clean("SELECT dblink_connect('host=h password=p')", false)).isEqualTo("SELECT dblink_connect(?)");
    assertThat(StatementsCollector.clean("<insufficient privilege>", true)).isEqualTo("<insufficient privilege>");
    assertThat(StatementsCollector.clean(null, true)).isEmpty();
  }

  @Test
  void onlyServerQuotedIdentifiersAreSplicedIntoTheSql() {
    assertThat(StatementsCollector.requireQuotedIdentifier("public")).isEqualTo("public");
    assertThat(StatementsCollector.requireQuotedIdentifier("\"My \"\"Schema\"\"\"")).isEqualTo("\"My \"\"Schema\"\"\"");
    assertThatThrownBy(() -> StatementsCollector.requireQuotedIdentifier("public; DROP TABLE x"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StatementsCollector.requireQuotedIdentifier("\"a\"b\"")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StatementsCollector.requireQuotedIdentifier("Upper")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StatementsCollector.requireQuotedIdentifier(null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsNonsenseLimits() {
    assertThatThrownBy(() -> new StatementsCollector(0, 10, 10, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatementsCollector(1, 0, 10, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatementsCollector(1, 1, 0, false)).isInstanceOf(IllegalArgumentException.class);
  }
}
