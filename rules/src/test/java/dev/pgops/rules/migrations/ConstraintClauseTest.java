package dev.pgops.rules.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.SqlTokens;
import dev.pgops.rules.migrations.ConstraintClause.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintClauseTest {
  private static ConstraintClause parse(String sql) {
    return ConstraintClause.parse(SqlTokens.tokenize(sql));
  }

  @Test
  void readsForeignKeysWithNameColumnsReferenceAndNotValid() {
    ConstraintClause c = parse("CONSTRAINT items_order_fk FOREIGN KEY (Order_Id, \"Tenant\") REFERENCES sales.orders (id, tenant) "
        + "ON DELETE CASCADE NOT VALID");
    assertThat(c.kind()).isEqualTo(Kind.FOREIGN_KEY);
    assertThat(c.name()).isEqualTo("items_order_fk");
    assertThat(c.columns()).containsExactly("order_id", "Tenant");
    assertThat(c.referencedTable()).isEqualTo("sales.orders");
    assertThat(c.referencedColumns()).containsExactly("id", "tenant");
    assertThat(c.notValid()).isTrue();
    assertThat(parse("FOREIGN KEY (a) REFERENCES p").notValid()).isFalse();
    assertThat(parse("FOREIGN KEY (a) REFERENCES p").name()).isNull();
  }

  @Test
  void readsKeysAndUsingIndex() {
    assertThat(parse("PRIMARY KEY (tenant_id, id)").columns()).containsExactly("tenant_id", "id");
    assertThat(parse("UNIQUE NULLS NOT DISTINCT (a, b)").columns()).containsExactly("a", "b");
    ConstraintClause u = parse("CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx");
    assertThat(u.kind()).isEqualTo(Kind.UNIQUE);
    assertThat(u.usingIndex()).isEqualTo("users_email_idx");
    assertThat(u.columns()).isEmpty();
    assertThat(parse("EXCLUDE USING gist (room WITH =, during WITH &&)").kind()).isEqualTo(Kind.EXCLUDE);
    ConstraintClause nn = parse("CONSTRAINT t_email_not_null NOT NULL email NOT VALID");
    assertThat(nn.kind()).isEqualTo(Kind.NOT_NULL);
    assertThat(nn.columns()).containsExactly("email");
    assertThat(nn.notValid()).isTrue();
  }

  @Test
  void aCheckProvesNotNullOnlyThroughTopLevelConjuncts() {
    assertThat(parse("CHECK (email IS NOT NULL)").notNullColumns()).containsExactly("email");
    assertThat(parse("CHECK ((a IS NOT NULL) AND (b IS NOT NULL AND \"C\" IS NOT NULL))").notNullColumns())
        .containsExactlyInAnyOrder("a", "b", "C");
    assertThat(parse("CHECK (a IS NOT NULL OR b IS NOT NULL)").notNullColumns()).isEmpty();
    assertThat(parse("CHECK (a > 0)").notNullColumns()).isEmpty();
    assertThat(parse("CHECK (NOT (a IS NULL))").notNullColumns()).isEmpty();
  }

  @Test
  void tableConstraintsOfCreateTable() {
    List<ConstraintClause> cs = ConstraintClause.ofCreateTable("CREATE TABLE t (id bigint, a int CHECK (a > 0), "
        + "PRIMARY KEY (id), CONSTRAINT t_a_fk FOREIGN KEY (a) REFERENCES p (id), UNIQUE (a, id))");
    assertThat(cs).extracting(ConstraintClause::kind).containsExactly(Kind.PRIMARY_KEY, Kind.FOREIGN_KEY, Kind.UNIQUE);
  }

  @Test
  void joinsTokensBackIntoReadableSql() {
    var t = SqlTokens.tokenize("CHECK (total >= 0 AND lower(code) <> '' AND data->>'k' IS NOT NULL AND x = -1)");
    assertThat(ConstraintClause.join(t, 0, t.size()))
        .isEqualTo("CHECK (total >= 0 AND lower(code) <> '' AND data ->> 'k' IS NOT NULL AND x = - 1)");
  }
}
