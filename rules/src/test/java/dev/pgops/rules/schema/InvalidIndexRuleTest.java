package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidIndexRuleTest {
  private final RuleTester t = RuleTester.of(new InvalidIndexRule());

  @Test
  void reportsInvalidUniqueIndexWithDropAndConcurrentRecreate() {
    var f = t.findings(snap().index("public.users_email_key", "users", i -> {
      i.valid = false;
      i.unique = true;
      i.keys("email");
    }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("public.users_email_key", "invalid", "rejects duplicate inserts");
      assertThat(x.remediation()).contains("DROP INDEX CONCURRENTLY public.users_email_key;",
          "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users", "REINDEX INDEX CONCURRENTLY");
    });
  }

  @Test
  void validIndexesPassAndNotReadyIsReported() {
    var f = t.findings(snap()
        .index("public.ok_idx", "t", i -> i.keys("a"))
        .index("public.building_idx", "t", i -> { i.valid = false; i.ready = false; i.keys("b"); }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("building_idx", "not ready", "leftover"));
  }

  @Test
  void reindexLeftoverIsOnlyDropped() {
    var f = t.findings(snap().index("public.t_a_idx_ccnew", "t", i -> { i.valid = false; i.keys("a"); }));
    assertThat(f).singleElement().satisfies(x ->
        assertThat(x.remediation()).contains("DROP INDEX CONCURRENTLY public.t_a_idx_ccnew;").doesNotContain("CREATE"));
  }

  @Test
  void partitionedParentIndexGetsAttachAdvice() {
    var f = t.findings(snap()
        .table("public.events", x -> x.kind = "p")
        .index("public.events_ts_idx", "events", i -> { i.valid = false; i.keys("ts"); }));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.remediation()).contains("ATTACH PARTITION");
    });
  }

  @Test
  void beforePg12NoReindexConcurrently() {
    var f = t.findings(snap().version(110005).index("public.x_idx", "t", i -> { i.valid = false; i.keys("a"); }));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.remediation()).doesNotContain("REINDEX"));
  }

  @Test
  void notEvaluatedWhenIndexesUnavailable() {
    assertThat(t.result(snap().unavailable("indexes", "denied")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
