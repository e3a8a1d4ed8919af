package dev.pgops.review;

import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import java.util.List;

/** Facts about UPDATE / DELETE statements read from their tokens. */
public final class Dml {
  private Dml() {}

  /** True when the statement has a top-level WHERE (not only inside a sub-query). */
  public static boolean hasWhere(ClassifiedStatement s) {
    List<Token> t = SqlTokens.tokenize(s.text());
    for (Token k : t) if (k.depth() == 0 && k.is("WHERE")) return true;
    return false;
  }
}
