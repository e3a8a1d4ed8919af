package dev.pgops.rules.migrations;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.ColumnDef;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.review.Names;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The names a CREATE / ALTER statement gives to new objects, as written (quotes kept). */
final class NewNames {
  /** PostgreSQL's NAMEDATALEN − 1: longer identifiers are truncated. */
  static final int MAX_BYTES = 63;

  private NewNames() {}

  static List<String> of(ClassifiedStatement c) {
    Set<String> out = new LinkedHashSet<>();
    switch (c.kind()) {
      case CREATE_TABLE, CREATE_TABLE_AS, CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_SEQUENCE, CREATE_TYPE,
           CREATE_FUNCTION, CREATE_SCHEMA -> add(out, lastPart(c.target()));
      case CREATE_INDEX, CREATE_TRIGGER -> { if (c.targets().size() > 1) add(out, lastPart(c.targets().get(1))); }
      default -> { }
    }
    for (ColumnDef col : c.columns()) add(out, col.name());
    for (AlterAction a : c.alterActions()) {
      if (a.kind() == AlterAction.Kind.ADD_COLUMN) add(out, a.name());
    }
    List<Token> t = SqlTokens.tokenize(c.text());
    boolean alter = !t.isEmpty() && t.get(0).is("ALTER");
    boolean create = !t.isEmpty() && t.get(0).is("CREATE");
    for (int i = 0; i + 1 < t.size(); i++) {
      Token k = t.get(i);
      Token prev = i > 0 ? t.get(i - 1) : null;
      // CONSTRAINT name in a definition (not DROP / VALIDATE / ALTER / RENAME CONSTRAINT name, which name old ones)
      if ((create || alter) && k.is("CONSTRAINT") && t.get(i + 1).isIdent() && !t.get(i + 1).is("IF")
          && (prev == null || !(prev.is("DROP") || prev.is("VALIDATE") || prev.is("ALTER") || prev.is("RENAME")))) {
        add(out, t.get(i + 1).text());
      }
      // ALTER … RENAME [COLUMN | CONSTRAINT] old TO new
      if (alter && k.is("TO") && k.depth() == 0 && t.get(i + 1).isIdent() && renameBefore(t, i)) {
        add(out, t.get(i + 1).text());
      }
    }
    return new ArrayList<>(out);
  }

  /** The identifier's length in bytes as PostgreSQL stores it (quotes removed, UTF-8). */
  static int bytes(String identifier) {
    return unquote(identifier).getBytes(StandardCharsets.UTF_8).length;
  }

  /** The first 63 bytes of the identifier, cut at a character boundary, as PostgreSQL keeps it. */
  static String truncated(String identifier) {
    String u = unquote(identifier);
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int cp : u.codePoints().toArray()) {
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + n > MAX_BYTES) break;
      b.appendCodePoint(cp);
      used += n;
    }
    return b.toString();
  }

  private static String unquote(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier;
  }

  private static boolean renameBefore(List<Token> t, int to) {
    for (int j = to - 1; j >= 0 && j >= to - 4; j--) if (t.get(j).is("RENAME")) return true;
    return false;
  }

  private static String lastPart(String qualified) {
    return qualified == null ? null : Names.lastPart(qualified);
  }

  private static void add(Set<String> out, String name) {
    if (name != null && !name.isBlank()) out.add(name);
  }
}
