package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.SqlStatement;
import dev.pgops.migration.StatementClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexDefTest {
  private static IndexDef of(String sql) {
    return IndexDef.of(StatementClassifier.classify(new SqlStatement("f.sql", 1, 1, 1, sql, List.of())));
  }

  @Test
  void readsNameTableColumnsAndExpressions() {
    IndexDef i = of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_a_idx ON ONLY sales.orders USING btree "
        + "(Customer_Id DESC NULLS LAST, lower(email), (a + b), code text_pattern_ops) INCLUDE (total)");
    assertThat(i.name()).isEqualTo("orders_a_idx");
    assertThat(i.table()).isEqualTo("sales.orders");
    assertThat(i.unique()).isTrue();
    assertThat(i.partial()).isFalse();
    assertThat(i.columns()).hasSize(4);
    assertThat(i.columns().get(0)).isEqualTo("customer_id");
    assertThat(i.columns().get(1)).startsWith("(");
    assertThat(i.columns().get(3)).isEqualTo("code");
    IndexDef unnamed = of("CREATE INDEX ON orders (created_at) WHERE deleted_at IS NULL");
    assertThat(unnamed.name()).isNull();
    assertThat(unnamed.partial()).isTrue();
    assertThat(unnamed.leadsWith(List.of("created_at"))).isFalse();
  }

  @Test
  void leadingColumnsInAnyOrder() {
    assertThat(IndexDef.leads(List.of("b", "a", "c"), List.of("a", "b"))).isTrue();
    assertThat(IndexDef.leads(List.of("a", "c", "b"), List.of("a", "b"))).isFalse();
    assertThat(IndexDef.leads(List.of("a"), List.of("a", "b"))).isFalse();
    assertThat(IndexDef.leads(List.of("a"), List.of())).isFalse();
  }
}
