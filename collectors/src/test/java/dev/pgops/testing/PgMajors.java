package dev.pgops.testing;

import java.util.Arrays;
import java.util.List;

/**
 * The PostgreSQL majors database tests run on: system property {@code pgops.pg.majors} (comma list,
 * default "17"; surefire passes it from the pom). Use with
 * {@code @ParameterizedTest @MethodSource("dev.pgops.testing.PgMajors#configured")}.
 */
public final class PgMajors {
  public static final String PROPERTY = "pgops.pg.majors";

  private PgMajors() {}

  public static List<Integer> configured() {
    String v = System.getProperty(PROPERTY, "17");
    if (v.isBlank()) v = "17";
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
  }
}
