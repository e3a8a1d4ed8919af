package dev.pgops.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeChangesTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      character varying(50)       | varchar(100)  | true
      varchar(100)                | varchar(50)   | false
      varchar(50)                 | text          | true
      text                        | varchar       | true
      integer                     | bigint        | false
      numeric(10,2)               | numeric(12,2) | true
      numeric(10,2)               | numeric(12,3) | false
      timestamp without time zone | timestamptz   | false
      timestamp(3)                | timestamp(6)  | true
      cidr                        | inet          | true
      int4                        | integer       | true
      """)
  void binaryCoercible(String from, String to, boolean expected) {
    assertThat(TypeChanges.binaryCoercible(from, to)).isEqualTo(expected);
  }

  @Test
  void baseNames() {
    assertThat(TypeChanges.baseName("character varying(20)[]")).isEqualTo("varchar");
    assertThat(TypeChanges.baseName("timestamp(3) without time zone")).isEqualTo("timestamp");
    assertThat(TypeChanges.baseName("TIMESTAMP WITH TIME ZONE")).isEqualTo("timestamptz");
    assertThat(TypeChanges.baseName("time with time zone")).isEqualTo("timetz");
    assertThat(TypeChanges.baseName("int4")).isEqualTo("integer");
    assertThat(TypeChanges.baseName("json[]")).isEqualTo("json");
  }

  @Test
  void targetsThatMayBeCoercibleAndTimeZoneChanges() {
    assertThat(TypeChanges.mayBeBinaryCoercibleTo("varchar(200)")).isTrue();
    assertThat(TypeChanges.mayBeBinaryCoercibleTo("text")).isTrue();
    assertThat(TypeChanges.mayBeBinaryCoercibleTo("bigint")).isFalse();
    assertThat(TypeChanges.mayBeBinaryCoercibleTo("uuid")).isFalse();
    assertThat(TypeChanges.timeZoneChange("timestamp without time zone", "timestamptz")).isTrue();
    assertThat(TypeChanges.timeZoneChange("timestamptz(3)", "timestamp(3)")).isTrue();
    assertThat(TypeChanges.timeZoneChange("timestamp", "timestamp(6)")).isFalse();
  }

  @Test
  void usingThatKeepsTheValue() {
    assertThat(TypeChanges.usingKeepsValue("email", "email", "text")).isTrue();
    assertThat(TypeChanges.usingKeepsValue("email", "email :: text", "text")).isTrue();
    assertThat(TypeChanges.usingKeepsValue("Email", "\"email\"::varchar(100)", "varchar ( 100 )")).isTrue();
    assertThat(TypeChanges.usingKeepsValue("email", "email::bigint", "text")).isFalse();
    assertThat(TypeChanges.usingKeepsValue("email", "lower(email)", "text")).isFalse();
    assertThat(TypeChanges.usingKeepsValue("email", "other", "text")).isFalse();
  }
}
