package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.SqlTokens;
import dev.pgops.migration.SqlTokens.Token;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;
import java.util.List;

/**
 * ALTER DOMAIN … ADD CONSTRAINT without NOT VALID: PostgreSQL checks every stored value of every column of that
 * domain, in every table, holding SHARE (writes wait) on each table. CREATE DOMAIN checks nothing existing, and a
 * domain created earlier in the review has no columns yet. The statement is OTHER_DDL: read from its tokens.
 */
@RuleInfo(id = "domain-constraint", area = Area.MIGRATIONS, checklist = "MIG-3", severity = Severity.HIGH,
    summary = "ALTER DOMAIN ADD CONSTRAINT checks every column of the domain while writes to those tables wait")
public final class DomainConstraintRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.kind() != StatementKind.OTHER_DDL || s.classified().has(Flag.NOT_VALID)) return;
    List<Token> t = SqlTokens.tokenize(s.text());
    if (t.size() < 4 || !t.get(0).is("ALTER") || !t.get(1).is("DOMAIN") || !t.get(2).isIdent()) return;
    int i = nameEnd(t, 2);
    String domain = ConstraintClause.join(t, 2, i);
    if (i >= t.size() || !t.get(i).is("ADD")) return;
    if (createdBefore(domain, s, ctx)) return;
    ConstraintClause c = ConstraintClause.parse(t.subList(i + 1, t.size()));
    String name = c.name() != null ? c.name() : Names.simple(domain) + "_check";
    String fix = c.kind() == ConstraintClause.Kind.CHECK
        ? "ALTER DOMAIN " + domain + " ADD CONSTRAINT " + name + " CHECK (" + c.body() + ") NOT VALID; (new values "
            + "only, brief) then ALTER DOMAIN " + domain + " VALIDATE CONSTRAINT " + name + "; — "
            + (ctx.major() >= 19 ? "which scans under SHARE UPDATE EXCLUSIVE (reads and writes continue)."
                : "up to PostgreSQL 18 the VALIDATE still holds SHARE on each table during its scan, so run it in a "
                    + "quiet window, or put the rule as a CHECK on each table (NOT VALID, then VALIDATE).")
        : "A domain NOT NULL cannot be added NOT VALID: make the columns NOT NULL instead (PostgreSQL 12+: validated "
            + "CHECK (col IS NOT NULL) first), or use a CHECK (VALUE IS NOT NULL) domain constraint NOT VALID.";
    ctx.at(s, "ALTER DOMAIN " + domain + " ADD " + (c.name() == null ? "" : "CONSTRAINT " + c.name() + " ")
            + "checks every stored value of every column of type " + domain + ", in every table, while holding SHARE "
            + "on each of those tables: their inserts, updates and deletes wait for the scans")
        .evidence("domain", domain)
        .remediation(fix)
        .report();
  }

  private static boolean createdBefore(String domain, ReviewStatement s, ReviewContext ctx) {
    String wanted = Names.normalize(domain);
    for (ReviewStatement x : ctx.statements()) {
      if (x.ordinal() >= s.ordinal()) return false;
      if (x.kind() != StatementKind.OTHER_DDL) continue;
      List<Token> t = SqlTokens.tokenize(x.text());
      if (t.size() > 2 && t.get(0).is("CREATE") && t.get(1).is("DOMAIN")
          && wanted.equals(Names.normalize(ConstraintClause.join(t, 2, nameEnd(t, 2))))) {
        return true;
      }
    }
    return false;
  }

  /** The end (exclusive) of the possibly schema-qualified name starting at {@code i}. */
  private static int nameEnd(List<Token> t, int i) {
    while (i + 2 < t.size() && t.get(i + 1).isPunct(".") && t.get(i + 2).isIdent()) i += 2;
    return i + 1;
  }
}
