package dev.pgops.review;

import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import java.util.List;
import java.util.Locale;

/** Whether a column DEFAULT expression is volatile, read from its tokens (no catalog needed). */
public final class DefaultExpressions {
  public enum Volatility { NON_VOLATILE, VOLATILE, UNKNOWN }

  private DefaultExpressions() {}

  /**
   * VOLATILE when it calls a known volatile function ({@code gen_random_uuid()}, {@code nextval()} …), UNKNOWN
   * when it calls a function pgops does not know (could be a user function of any volatility), else NON_VOLATILE
   * (literals, casts, {@code now()}, {@code CURRENT_TIMESTAMP}, arrays, arithmetic).
   */
  public static Volatility volatility(String expr) {
    List<Token> t = SqlTokens.tokenize(expr);
    Volatility result = Volatility.NON_VOLATILE;
    for (int i = 0; i + 1 < t.size(); i++) {
      Token k = t.get(i);
      if (!k.isIdent() || !t.get(i + 1).isPunct("(")) continue;
      if (typeName(t, i)) continue; // a cast to varchar(20) is not a call
      String name = k.text().replace("\"", "").toLowerCase(Locale.ROOT);
      if (LockModel.VOLATILE_FUNCTIONS.contains(name)) return Volatility.VOLATILE;
      if (!LockModel.NON_VOLATILE_FUNCTIONS.contains(name)) result = Volatility.UNKNOWN;
    }
    return result;
  }

  /** The first function called in the expression, lower case, or null. */
  public static String firstFunction(String expr) {
    List<Token> t = SqlTokens.tokenize(expr);
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).isIdent() && t.get(i + 1).isPunct("(") && !typeName(t, i)) {
        return t.get(i).text().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The word at i is a type with modifiers ({@code ::varchar(20)}, {@code AS numeric(10,2)}), not a call. */
  private static boolean typeName(List<Token> t, int i) {
    if (i == 0) return false;
    Token p = t.get(i - 1);
    return p.isPunct("::") || p.is("AS") || p.is("CHARACTER") || p.is("BIT") || p.is("DOUBLE");
  }
}
