package dev.pgops.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyScriptTest {
  @TempDir Path dir;

  private VerifyScript read(String text) throws Exception {
    Path f = dir.resolve("verify.sql");
    Files.writeString(f, text);
    return VerifyScript.read(f);
  }

  private String error(String text) throws Exception {
    Path f = dir.resolve("verify.sql");
    Files.writeString(f, text);
    try {
      VerifyScript.read(f);
    } catch (VerifyScript.InvalidScriptException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + text);
  }

  @Test
  void readsStatementsWithTheirMarkersAndDatabases() throws Exception {
    VerifyScript s = read("""
        SELECT 1;
        -- database: shop
        SELECT count(*) FROM orders;            -- expect: 1000
        SELECT count(*) FROM orders WHERE paid; -- expect: >= 900
        SELECT status FROM orders WHERE id = 1; -- expect: 'paid; shipped'
        SELECT max(created_at) FROM orders;     -- rpo: newest order
        SELECT NULL;                            -- expect: null
        """);
    assertThat(s.checks()).hasSize(6);
    assertThat(s.checks().get(0).database()).isNull();
    assertThat(s.checks().get(0).expect()).isNull();
    VerifyScript.Check count = s.checks().get(1);
    assertThat(count.position()).endsWith("verify.sql:3");
    assertThat(count.database()).isEqualTo("shop");
    assertThat(count.sql()).isEqualTo("SELECT count(*) FROM orders");
    assertThat(count.expect().describe()).isEqualTo("1000");
    assertThat(s.checks().get(2).expect().describe()).isEqualTo(">= 900");
    assertThat(s.checks().get(3).expect().value()).isEqualTo("paid; shipped");
    assertThat(s.checks().get(4).rpo()).isTrue();
    assertThat(s.checks().get(4).database()).isEqualTo("shop");
    assertThat(s.checks().get(5).expect().value()).isNull();
  }

  @Test
  void comparesAsNumbersWhenBothSidesAreNumbersElseAsText() {
    assertThat(new VerifyScript.Expectation("=", "1000").matches("1000")).isTrue();
    assertThat(new VerifyScript.Expectation("=", "1000").matches("1000.0")).isTrue();
    assertThat(new VerifyScript.Expectation("=", "1000").matches("999")).isFalse();
    assertThat(new VerifyScript.Expectation(">=", "900").matches("1500")).isTrue();
    assertThat(new VerifyScript.Expectation("<", "900").matches("1500")).isFalse();
    assertThat(new VerifyScript.Expectation("!=", "0").matches("0")).isFalse();
    assertThat(new VerifyScript.Expectation("=", "paid").matches("paid")).isTrue();
    assertThat(new VerifyScript.Expectation("=", "paid").matches("Paid")).isFalse();
    assertThat(new VerifyScript.Expectation(">", "paid").matches("zzz")).isFalse();
    assertThat(new VerifyScript.Expectation("=", null).matches(null)).isTrue();
    assertThat(new VerifyScript.Expectation("=", null).matches("1")).isFalse();
    assertThat(new VerifyScript.Expectation("!=", null).matches("1")).isTrue();
    assertThat(new VerifyScript.Expectation("=", "1").matches(null)).isFalse();
  }

  @Test
  void misplacedOrBrokenMarkersAreOneLineErrorsWithTheLine() throws Exception {
    assertThat(error("SELECT 1;\n-- expect: 1\nSELECT 2;\n")).endsWith("verify.sql:3: '-- expect: 1' must follow the ';' of the statement it checks, on the same line");
    assertThat(error("SELECT 1; -- expect: >= many\n")).endsWith("verify.sql:1: '>=' needs a number, not 'many'");
    assertThat(error("SELECT 1; -- expect:\n")).endsWith("verify.sql:1: '-- expect:' has no value");
    assertThat(error("SELECT now(); -- rpo\nSELECT now(); -- rpo\n")).endsWith("more than one '-- rpo' statement");
    assertThat(error("\\c shop\nSELECT 1;\n")).endsWith("verify.sql:1: psql meta-commands are not supported (\\c shop)");
    assertThat(error("-- nothing here\n")).endsWith("verify.sql: no SQL statement (end each one with ';')");
    assertThat(error("SELECT 1; -- database: shop\n")).contains("'-- database:' goes on its own line");
  }
}
