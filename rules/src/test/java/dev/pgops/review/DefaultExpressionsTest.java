package dev.pgops.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultExpressionsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      gen_random_uuid()                       | VOLATILE
      nextval('orders_id_seq'::regclass)      | VOLATILE
      clock_timestamp()                       | VOLATILE
      now()                                   | NON_VOLATILE
      CURRENT_TIMESTAMP                       | NON_VOLATILE
      timezone('utc'::text, now())            | NON_VOLATILE
      'x'::character varying(20)              | NON_VOLATILE
      CAST('a' AS varchar(10))                | NON_VOLATILE
      ARRAY[]::numeric(10,2)[]                | NON_VOLATILE
      '{}'::jsonb                             | NON_VOLATILE
      0                                       | NON_VOLATILE
      auth.uid()                              | UNKNOWN
      my_default(1)                           | UNKNOWN
      """)
  void volatility(String expr, DefaultExpressions.Volatility expected) {
    assertThat(DefaultExpressions.volatility(expr)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "first function of {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      'x'::varchar(3) || lower('Y')           | lower
      auth.uid()                              | uid
      """)
  void firstFunction(String expr, String fn) {
    assertThat(DefaultExpressions.firstFunction(expr)).isEqualTo(fn);
  }
}
