package dev.pgops.rules.schema;

import static dev.pgops.rules.testing.Fixtures.constraint;
import static dev.pgops.rules.testing.Fixtures.foreignKey;
import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.testing.RuleTester;
import dev.pgops.snapshot.ConstraintInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotValidConstraintRuleTest {
  private final RuleTester t = RuleTester.of(new NotValidConstraintRule());

  @Test
  void reportsNotValidForeignKey() {
    ConstraintInfo fk = foreignKey("public.orders", "orders_customer_fk", List.of("customer_id"), "public.customers", List.of("id"));
    ConstraintInfo notValid = new ConstraintInfo(fk.schema(), fk.table(), fk.name(), "f", false, false, fk.columns(),
        fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(), "a", "a", fk.definition() + " NOT VALID");
    var f = t.findings(snap().constraint(notValid));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("orders_customer_fk", "public.orders", "NOT VALID");
      assertThat(x.remediation()).contains("ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_fk;", "SHARE UPDATE EXCLUSIVE");
    });
  }

  @Test
  void validatedConstraintsPass() {
    var f = t.findings(snap().constraint(constraint("public.a", "a_check", "c", true, List.of("x"))));
    assertThat(f).isEmpty();
  }

  @Test
  void quotesOddNames() {
    var f = t.findings(snap().constraint(constraint("Sales.Order Lines", "qty \"positive\"", "c", false, List.of("qty"))));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.remediation())
        .contains("ALTER TABLE \"Sales\".\"Order Lines\" VALIDATE CONSTRAINT \"qty \"\"positive\"\"\";"));
  }

  @Test
  void notEvaluatedWithoutConstraints() {
    assertThat(t.result(snap().unavailable("constraints", "x")).status()).isEqualTo(RuleResult.Status.NOT_EVALUATED);
  }
}
