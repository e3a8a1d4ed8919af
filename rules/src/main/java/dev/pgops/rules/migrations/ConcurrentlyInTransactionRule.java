package dev.pgops.rules.migrations;

import dev.pgops.findings.Severity;
import dev.pgops.review.MigrationRule;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.Runner;
import dev.pgops.rules.Area;
import dev.pgops.rules.RuleInfo;

@RuleInfo(id = "concurrently-in-transaction", area = Area.MIGRATIONS, checklist = "MIG-2", severity = Severity.HIGH,
    summary = "A statement that cannot run inside a transaction block (CONCURRENTLY, VACUUM) runs inside one and fails")
public final class ConcurrentlyInTransactionRule implements MigrationRule {
  @Override
  public void check(ReviewStatement s, ReviewContext ctx) {
    if (s.impact().transactional() || !s.inTransaction()) return;
    String why = s.explicitTx() ? "it is inside BEGIN … COMMIT" : TxShape.wrapper(ctx);
    ctx.at(s, s.impact().operation() + " cannot run inside a transaction block and " + why + ": the migration fails "
            + "with \"cannot run inside a transaction block\"")
        .evidence("runner", ctx.options().runner().id())
        .evidence("transactionMode", ctx.options().mode().name().toLowerCase(java.util.Locale.ROOT))
        .remediation(fix(ctx.options().runner(), s.explicitTx()))
        .report();
  }

  static String fix(Runner runner, boolean explicit) {
    if (explicit) return "Move the statement out of BEGIN … COMMIT (it manages its own transactions).";
    return switch (runner) {
      case FLYWAY -> "Put the statement in a migration of its own (Flyway runs a script of only non-transactional "
          + "statements outside a transaction), or set executeInTransaction=false in the script's .conf file.";
      case LIQUIBASE -> "Give the changeset runInTransaction:false and keep only this statement in it.";
      case GOLANG_MIGRATE -> "Put the statement alone in its own migration file: a one-statement file runs outside "
          + "the implicit transaction.";
      case RAILS -> "Use a separate migration with disable_ddl_transaction! (and algorithm: :concurrently).";
      case DJANGO -> "Use a separate migration with atomic = False (AddIndexConcurrently).";
      case ALEMBIC -> "Run it inside with op.get_context().autocommit_block(): in its own migration.";
      case PRISMA -> "Put the statement alone in its own migration: Prisma sends the file as one script.";
      case SQITCH, PLAIN -> "Run it outside BEGIN … COMMIT, as its own statement.";
    };
  }
}
