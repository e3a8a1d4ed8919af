package dev.pgops.review;

import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/** The tables a statement's foreign keys reference, read from the tokens after each REFERENCES. */
final class References {
  private References() {}

  static List<String> of(String sql) {
    List<Token> t = SqlTokens.tokenize(sql);
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < t.size(); i++) {
      if (!t.get(i).is("REFERENCES") || !t.get(i + 1).isIdent()) continue;
      StringBuilder b = new StringBuilder(t.get(i + 1).text());
      int j = i + 2;
      while (j + 1 < t.size() && t.get(j).isPunct(".") && t.get(j + 1).isIdent()) {
        b.append('.').append(t.get(j + 1).text());
        j += 2;
      }
      if (!out.contains(b.toString())) out.add(b.toString());
    }
    return out;
  }
}
