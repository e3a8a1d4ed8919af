package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.SchemaFixtures.column;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RiskyColumnTypeRuleTest {
  private final RuleTester t = RuleTester.of(new RiskyColumnTypeRule());

  @Test
  void oneFindingPerTableListingRiskyColumnsWithComments() {
    var f = t.findings(snap()
        .column(column("public.events", "id", 1, "bigint", true, null))
        .column(column("public.events", "payload", 2, "json", false, "<script>alert(1)</script> raw body"))
        .column(column("public.events", "created_at", 3, "timestamp(3) without time zone", true, null))
        .column(column("public.events", "price", 4, "money", false, null))
        .column(column("public.events", "code", 5, "character(3)", false, null)));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("public.events", "4 columns", "payload json", "created_at timestamp(3) without time zone");
      assertThat(x.evidence()).containsEntry("comment.payload", "<script>alert(1)</script> raw body")
          .containsKeys("column.payload", "column.created_at", "column.price", "column.code");
      assertThat(x.remediation()).contains("ALTER COLUMN payload TYPE jsonb", "TYPE timestamp with time zone",
          "TYPE numeric(19,2)", "ALTER COLUMN code TYPE text", "ACCESS EXCLUSIVE");
    });
  }

  @Test
  void goodTypesAndPartitionCopiesPass() {
    var f = t.findings(snap()
        .table("public.events_2026", x -> x.partition = true)
        .column(column("public.events_2026", "payload", 1, "json", false, null))
        .column(column("public.ok", "payload", 1, "jsonb", false, null))
        .column(column("public.ok", "at", 2, "timestamp with time zone", false, null))
        .column(column("public.ok", "name", 3, "character varying(20)", false, null))
        .column(column("public.ok", "flag", 4, "\"char\"", false, null)));
    assertThat(f).isEmpty();
  }

  @Test
  void arraysOfRiskyTypesCount() {
    var f = t.findings(snap().column(column("public.a", "docs", 1, "json[]", false, null)));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.remediation()).contains("TYPE jsonb[]"));
  }

  @Test
  void notEvaluatedWithoutColumns() {
    assertThat(t.result(snap().unavailable("columns", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
