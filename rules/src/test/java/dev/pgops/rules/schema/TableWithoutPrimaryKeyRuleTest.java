package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.Fixtures.constraint;
import static dev.pgops.rules.testing.SchemaFixtures.column;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWithoutPrimaryKeyRuleTest {
  private final RuleTester t = RuleTester.of(new TableWithoutPrimaryKeyRule());

  @Test
  void reportsTableWithoutKey() {
    var f = t.findings(snap().setting("wal_level", "replica").table("public.logs", x -> { x.liveTuples = 50_000; x.tableBytes = 10L << 20; }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("public.logs", "no primary key");
      assertThat(x.remediation()).contains("CREATE UNIQUE INDEX CONCURRENTLY", "ADD PRIMARY KEY USING INDEX");
    });
  }

  @Test
  void primaryKeyOrNotNullUniqueIndexIsEnough() {
    var f = t.findings(snap()
        .table("public.a", x -> x.liveTuples = 1000)
        .constraint(constraint("public.a", "a_pkey", "p", true, List.of("id")))
        .table("public.b", x -> x.liveTuples = 1000)
        .index("public.b_code_key", "b", i -> { i.unique = true; i.keys("code"); })
        .column(column("public.b", "code", 1, "text", true, null))
        .table("public.part_2026", x -> { x.partition = true; x.liveTuples = 1000; })
        .table("public.parent", x -> { x.kind = "p"; x.tableBytes = 0; })
        .table("public.mv", x -> x.kind = "m"));
    assertThat(f).isEmpty();
  }

  @Test
  void uniqueIndexOnNullableColumnDoesNotCountButIsSuggested() {
    var f = t.findings(snap()
        .table("public.b", x -> x.liveTuples = 1000)
        .index("public.b_code_key", "b", i -> { i.unique = true; i.keys("code"); })
        .column(column("public.b", "code", 1, "text", false, null)));
    assertThat(f).singleElement().satisfies(x ->
        assertThat(x.remediation()).contains("ALTER COLUMN code SET NOT NULL", "ADD PRIMARY KEY USING INDEX b_code_key"));
  }

  @Test
  void logicalReplicationEscalatesAndEmptyTablesAreLow() {
    var f = t.findings(snap().setting("wal_level", "logical")
        .table("public.busy", x -> x.liveTuples = 1000)
        .table("public.empty", x -> { x.liveTuples = 0; x.estimatedRows = -1; x.tableBytes = 0; }));
    assertThat(f).extracting(x -> x.location().key() + "=" + x.severity())
        .containsExactlyInAnyOrder("table:public.busy=HIGH", "table:public.empty=LOW");
    assertThat(f).filteredOn(x -> x.severity() == Severity.HIGH).singleElement()
        .satisfies(x -> assertThat(x.remediation()).contains("REPLICA IDENTITY FULL"));
  }

  @Test
  void notEvaluatedWithoutConstraints() {
    RuleResult r = t.result(snap().table("public.a", x -> { }).unavailable("constraints", "timeout"));
    assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
