package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALTER TYPE … ADD VALUE inside a transaction: before PostgreSQL 12 an error; on 12+ the new value cannot be used
 * until the transaction commits, so a later statement of the same transaction that uses it fails. An enum created
 * earlier in the same transaction is exempt where PostgreSQL allows it: before 12 (ADD VALUE is then allowed in the
 * transaction) and on 17+ (its new values are usable at once); 12–16 refuse the use even then.
 */
@RuleInfo(id = "enum-add-value-in-transaction", area = Area.MIGRATIONS, checklist = "MIG-6", severity = Severity.HIGH,
    summary = "ALTER TYPE … ADD VALUE in a transaction fails before PostgreSQL 12, and on 12+ the value is unusable until commit")
public final class EnumAddValueInTransactionRule implements MigrationRule {
  private static final Pattern ADD_VALUE = Pattern.compile(
      "(?is)^ALTER\\s+TYPE\\s+.+?\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(E?'(?:[^']|'')*')");

  @Override
  public void checkFile(ReviewFile file, ReviewContext ctx) {
    List<ReviewStatement> all = file.statements();
    for (int i = 0; i < all.size(); i++) {
      ReviewStatement s = all.get(i);
      if (s.kind() != StatementKind.ALTER_TYPE || !s.inTransaction() || s.target() == null) continue;
      Matcher m = ADD_VALUE.matcher(s.text().strip());
      if (!m.find()) continue;
      String label = m.group(1);
      boolean created = createdInSameTransaction(all.subList(0, i), s);
      if (created && (ctx.major() < 12 || ctx.major() >= 17)) continue;
      String where = s.explicitTx() ? "inside BEGIN … COMMIT"
          : "in the transaction " + ctx.options().runner().id() + " wraps the file in";
      String fix = "-- give ALTER TYPE … ADD VALUE a migration of its own that runs outside a transaction (or commits "
          + "before the value is used):\nALTER TYPE " + s.target() + " ADD VALUE IF NOT EXISTS " + label + ";";
      if (ctx.major() < 12) {
        ctx.at(s, "ALTER TYPE " + s.target() + " ADD VALUE " + label + " runs " + where + ": before PostgreSQL 12 this "
                + "fails with \"ALTER TYPE ... ADD cannot run inside a transaction block\"")
            .subject(label)
            .evidence("label", label)
            .remediation(fix)
            .report();
        continue;
      }
      ReviewStatement use = firstUse(all.subList(i + 1, all.size()), s.txId(), label);
      if (use == null) continue;
      ctx.at(s, "ALTER TYPE " + s.target() + " ADD VALUE " + label + " runs " + where + ", and line " + use.sql().line()
              + " of the same transaction uses " + label + ": a new enum value cannot be used before the transaction "
              + "commits, so that statement fails with \"unsafe use of new value\"")
          .subject(label)
          .evidence("label", label)
          .evidence("usedAtLine", use.sql().line())
          .remediation(fix + "\n-- and the statements that use " + label + " in a later migration")
          .report();
    }
  }

  private static boolean createdInSameTransaction(List<ReviewStatement> earlier, ReviewStatement s) {
    String type = Names.normalize(s.target());
    return earlier.stream().anyMatch(e -> e.kind() == StatementKind.CREATE_TYPE && e.txId() == s.txId()
        && e.target() != null && type.equals(Names.normalize(e.target())));
  }

  /** The first later statement of the same transaction whose literals include the label. */
  private static ReviewStatement firstUse(List<ReviewStatement> later, int txId, String label) {
    String value = unquote(label);
    for (ReviewStatement l : later) {
      if (l.txId() != txId) return null;
      if (l.kind() == StatementKind.ALTER_TYPE) continue; // BEFORE/AFTER 'new' only orders another new value
      for (Token t : SqlTokens.tokenize(l.text())) {
        boolean string = t.type() == SqlTokens.Type.LITERAL && t.text().matches("(?s)^[Ee]?'.*");
        if (string && unquote(t.text()).equals(value)) return l;
      }
    }
    return null;
  }

  private static String unquote(String literal) {
    String s = literal.startsWith("E'") || literal.startsWith("e'") ? literal.substring(1) : literal;
    if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) s = s.substring(1, s.length() - 1);
    return s.replace("''", "'");
  }
}
