package dev.pgops.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void resolvesAsPostgresqlDoes() {
    assertThat(Names.normalize("Orders")).isEqualTo("public.orders");
    assertThat(Names.normalize("\"Sales\".\"Q1\"")).isEqualTo("Sales.Q1");
    assertThat(Names.normalize("app.\"a.b\"")).isEqualTo("app.a.b");
    assertThat(Names.normalize(" ")).isNull();
    assertThat(Names.simple("App.Orders")).isEqualTo("orders");
  }

  @Test
  void splitsAWrittenNameAtItsLastUnquotedDot() {
    assertThat(Names.lastPart("app.\"Orders\"")).isEqualTo("\"Orders\"");
    assertThat(Names.lastPart("\"a.b\"")).isEqualTo("\"a.b\"");
    assertThat(Names.lastPart("orders")).isEqualTo("orders");
    assertThat(Names.schemaPrefix("app.\"Orders\"")).isEqualTo("app.");
    assertThat(Names.schemaPrefix("\"x.y\".t")).isEqualTo("\"x.y\".");
    assertThat(Names.schemaPrefix("orders")).isEmpty();
  }
}
